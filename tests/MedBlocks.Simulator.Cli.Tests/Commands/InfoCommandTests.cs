using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Cli.Tests.Commands;

public sealed class InfoCommandTests
{
    [Fact]
    public async Task Info_BlankCard_UidSizeFreeMemoryAndNoApplications()
    {
        using var run = new CliRun();
        var path = run.PathOf("card.json");
        CardImage.Save(CardImage.NewBlank(DesfireStorageSize.TwoKilobytes, Convert.FromHexString("04010203040506")), path);

        Assert.Equal(0, await run.RunAsync("info", path));

        Assert.Equal(
            "UID           04010203040506\nSize          2048 bytes\nFree memory   2048 bytes\nPICC key      DES version 0, key settings 0F\nApplications  0\n",
            run.Output);
    }

    [Fact]
    public async Task Info_CardWithApplicationAndFiles_ListsThemWithoutContents()
    {
        using var run = new CliRun();
        var path = run.PathOf("card.json");
        var state = CardImage.NewBlank(DesfireStorageSize.FourKilobytes, Convert.FromHexString("04010203040506"));
        var card = new SimulatedDesfireCard(state);
        card.PowerOn();

        // CreateApplication 4D4201 (AES, 3 keys, settings 0F), two files (free create), a write under the free write right.
        Send(card, [0xCA, 0x01, 0x42, 0x4D, 0x0F, 0x83]);
        Send(card, [0x5A, 0x01, 0x42, 0x4D]);
        Send(card, [0xCB, 0x02, 0x03, 0x00, 0x1E, 0x00, 0x01, 0x00]);
        Send(card, [0xC0, 0x03, 0x01, 0x10, 0x32, 0x20, 0x00, 0x00, 0x05, 0x00, 0x00]);
        Send(card, [0x3D, 0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0xAB, 0xCD, 0xEF]);
        CardImage.Save(state, path);

        Assert.Equal(0, await run.RunAsync("info", path));

        // 4096 − app (32 + 96) − backup 256 ×2 (32 + 512) − cyclic 5 × 32 (32 + 160).
        Assert.Equal(
            "UID           04010203040506\nSize          4096 bytes\nFree memory   3232 bytes\nPICC key      DES version 0, key settings 0F\nApplications  1\n"
            + "  4D4201  AES keys 3, key settings 0F\n"
            + "    file 02  backup data, enciphered, access 1E00, 256 bytes\n"
            + "    file 03  cyclic record, MACed, access 3210, 4 records of 32 bytes\n",
            run.Output);
        Assert.DoesNotContain("ABCDEF", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_NotACardImage_ClearError()
    {
        using var run = new CliRun();
        var path = run.PathOf("card.json");
        await File.WriteAllTextAsync(path, "{\"format\":\"something else\"}");

        Assert.Equal(1, await run.RunAsync("info", path));

        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    private static void Send(SimulatedDesfireCard card, byte[] native)
    {
        byte[] apdu = [0x90, native[0], 0x00, 0x00, (byte)(native.Length - 1), .. native.AsSpan(1), 0x00];
        var response = card.Process(apdu);
        Assert.Equal([0x91, 0x00], response[^2..]);
    }
}
