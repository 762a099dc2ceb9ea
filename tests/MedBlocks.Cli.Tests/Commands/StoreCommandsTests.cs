namespace MedBlocks.Cli.Tests.Commands;

public sealed class StoreCommandsTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("0", "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH")]
    [InlineData("1", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")]
    public async Task Cid_EmptyFile_MatchesIpfsAdd(string version, string expected)
    {
        var file = Path.Combine(cli.Home, "empty");
        await File.WriteAllBytesAsync(file, []);

        var run = await cli.RunOkAsync("store", "cid", file, "--cid-version", version);

        Assert.Equal(expected, run.Output.Trim());
    }

    [Fact]
    public async Task Cid_MissingFile_IsNotFound()
    {
        var run = await cli.RunAsync("store", "cid", Path.Combine(cli.Home, "absent"));

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("error: File not found", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();
}
