using MedBlocks.SmartCards.Desfire;

namespace MedBlocks.Simulator.Tests.Interop;

/// <summary>APDU counts and frame sizes between the host library and the simulated card.</summary>
public sealed class DesfireFramingInteropTests
{
    // 90 INS 00 00 Lc + 54 data + Le.
    private const int MaxCommandApdu = 5 + 54 + 1;

    // 59 data bytes + 91 SW2.
    private const int MaxResponseApdu = 59 + 2;

    [Theory]
    [InlineData(DesfireCommMode.Plain, 2048, 2 + 39)]
    [InlineData(DesfireCommMode.Maced, 2048, 2 + 39)]
    [InlineData(DesfireCommMode.Enciphered, 2048, 2 + 39)]
    [InlineData(DesfireCommMode.Enciphered, 47, 2 + 2)]
    [InlineData(DesfireCommMode.Enciphered, 28, 2 + 1)]
    public async Task WriteData_AfterAes_MinimumApdusAndFramesWithinLimits(DesfireCommMode mode, int length, int expectedApdus)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, mode, new AccessRights(1, 2, 3, 0), 2048);
        await card.Session.SelectApplicationAsync(InteropCard.Application);
        var recording = new RecordingCardTransport(card.Transport);
        using var session = new DesfireSession(recording);

        using var key = InteropCard.AppKey(2);
        await session.AuthenticateAsync(2, key);
        await session.WriteDataAsync(1, 0, InteropCard.Pattern(length), mode);

        Assert.Equal(expectedApdus, recording.Exchanges.Count);
        Assert.All(recording.Exchanges, e => Assert.InRange(e.Command, 5, MaxCommandApdu));
        Assert.All(recording.Exchanges, e => Assert.InRange(e.Response, 2, MaxResponseApdu));
    }

    [Theory]
    [InlineData(DesfireCommMode.Plain, 512, 2 + 9)]
    [InlineData(DesfireCommMode.Maced, 512, 2 + 9)]
    [InlineData(DesfireCommMode.Enciphered, 512, 2 + 9)]
    [InlineData(DesfireCommMode.Enciphered, 44, 2 + 1)]
    [InlineData(DesfireCommMode.Enciphered, 45, 2 + 2)]
    [InlineData(DesfireCommMode.Maced, 51, 2 + 1)]
    [InlineData(DesfireCommMode.Maced, 52, 2 + 2)]
    public async Task ReadData_AfterAes_MinimumApdusAndFramesWithinLimits(DesfireCommMode mode, int length, int expectedApdus)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, mode, new AccessRights(1, 2, 3, 0), 1024);
        await card.Session.SelectApplicationAsync(InteropCard.Application);
        var recording = new RecordingCardTransport(card.Transport);
        using var session = new DesfireSession(recording);

        using var key = InteropCard.AppKey(1);
        await session.AuthenticateAsync(1, key);
        var data = await session.ReadDataAsync(1, 0, length, mode);

        Assert.Equal(new byte[length], data);
        Assert.Equal(expectedApdus, recording.Exchanges.Count);
        Assert.All(recording.Exchanges, e => Assert.InRange(e.Command, 5, MaxCommandApdu));
        Assert.All(recording.Exchanges, e => Assert.InRange(e.Response, 2, MaxResponseApdu));
    }
}
