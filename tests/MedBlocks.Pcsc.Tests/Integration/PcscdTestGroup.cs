namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary>Every test that talks to the real pcscd: one collection, so they never run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class PcscdTestGroup : ICollectionFixture<PcscdFixture>
{
    public const string Name = "pcscd";
}
