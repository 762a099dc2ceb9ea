using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Cli.Tests.Commands;

public sealed class NewCardCommandTests
{
    [Theory]
    [InlineData("2k", DesfireStorageSize.TwoKilobytes)]
    [InlineData("4k", DesfireStorageSize.FourKilobytes)]
    [InlineData("8k", DesfireStorageSize.EightKilobytes)]
    public async Task New_SizeAndUid_BlankImageWithThem(string size, DesfireStorageSize expected)
    {
        using var run = new CliRun();
        var path = run.PathOf("card.json");

        var code = await run.RunAsync("new", "--size", size, "--uid", "04A1B2C3D4E5F6", "-o", path);

        Assert.Equal(0, code);
        Assert.Equal($"04A1B2C3D4E5F6 {(int)expected} bytes -> {path}\n", run.Output.ReplaceLineEndings("\n"));
        var state = CardImage.Load(path);
        Assert.Equal(expected, state.Storage);
        Assert.Equal(Convert.FromHexString("04A1B2C3D4E5F6"), state.Uid.ToArray());
        Assert.Empty(state.GetApplications());
        Assert.Equal((int)expected, state.FreeBytes);
    }

    [Fact]
    public async Task New_NoUid_RandomNxpUid()
    {
        using var run = new CliRun();
        var path = run.PathOf("card.json");

        Assert.Equal(0, await run.RunAsync("new", "-o", path));

        var state = CardImage.Load(path);
        Assert.Equal(DesfireStorageSize.FourKilobytes, state.Storage);
        Assert.Equal(7, state.Uid.Length);
        Assert.Equal(0x04, state.Uid[0]);
    }

    [Theory]
    [InlineData("--size", "3k")]
    [InlineData("--uid", "0411")]
    [InlineData("--uid", "zz112233445566")]
    public async Task New_BadOption_FailsWithoutImage(string option, string value)
    {
        using var run = new CliRun();
        var path = run.PathOf("card.json");

        var code = await run.RunAsync("new", option, value, "-o", path);

        Assert.Equal(1, code);
        Assert.False(File.Exists(path));
        Assert.NotEqual(string.Empty, run.Error);
    }

    [Fact]
    public async Task New_ExistingImage_RefusedUnlessForced()
    {
        using var run = new CliRun();
        var path = run.PathOf("card.json");
        await File.WriteAllTextAsync(path, "keep");

        Assert.Equal(1, await run.RunAsync("new", "-o", path));
        Assert.Equal("keep", await File.ReadAllTextAsync(path));
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);

        Assert.Equal(0, await run.RunAsync("new", "-o", path, "--force"));
        Assert.Equal(DesfireStorageSize.FourKilobytes, CardImage.Load(path).Storage);
    }
}
