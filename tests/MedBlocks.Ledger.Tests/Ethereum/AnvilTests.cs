namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>The test fixture side of <see cref="AnvilNode"/>: its clock starts a day after <see cref="LedgerCast.Start"/>, so entries stamped by the test clock are never ahead of a block.</summary>
public sealed partial class AnvilNode : IAsyncLifetime
{
    public AnvilNode()
        : this(LedgerCast.Start.AddDays(1))
    {
    }
}

/// <summary>One anvil for every Ethereum test class, which then run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AnvilTests : ICollectionFixture<AnvilNode>
{
    public const string Name = "anvil";
}
