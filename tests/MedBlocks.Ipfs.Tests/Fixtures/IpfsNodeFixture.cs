namespace MedBlocks.Ipfs.Tests.Fixtures;

/// <summary>One IPFS test node shared by the tests of a collection.</summary>
public sealed class IpfsNodeFixture : IAsyncLifetime
{
    private IpfsTestNode? _node;

    internal IpfsTestNode Node => _node ?? throw new InvalidOperationException("The node has not started.");

    public async Task InitializeAsync() => _node = await IpfsTestNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IpfsNodeTests : ICollectionFixture<IpfsNodeFixture>
{
    public const string Name = "IPFS node";
}
