using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

/// <summary>The recorded plain-file session after AES authentication with key 10182028…: every answer CMAC, step by step.</summary>
public sealed class DesfireSessionPlainFileTests
{
    private static readonly byte[] FileData = Hex.Sequence(0x00, 0x4F);

    public static TheoryData<int> FlippedSteps() => [.. Enumerable.Range(0, 8)];

    [Fact]
    public async Task RecordedSteps_AllMacsIntact_SessionAcceptsEveryAnswer()
    {
        var (card, session) = await AuthenticatedAsync(flipStep: -1);
        using (session)
        {
            var rights = AccessRights.FromWire(Hex.Parse("1100"));
            await session.CreateStdDataFileAsync(5, DesfireCommMode.Plain, rights, 0x50);
            Assert.Equal(new byte[] { 5 }, await session.GetFileIdsAsync());
            var settings = Assert.IsType<DesfireDataFileSettings>(await session.GetFileSettingsAsync(5));
            await session.WriteDataAsync(5, 0, FileData.AsMemory(0, 0x34), DesfireCommMode.Plain);
            await session.WriteDataAsync(5, 0x34, FileData.AsMemory(0x34), DesfireCommMode.Plain);
            var first = await session.ReadDataAsync(5, 0, 0x30, DesfireCommMode.Plain);
            var second = await session.ReadDataAsync(5, 0x30, 0x20, DesfireCommMode.Plain);
            await session.DeleteFileAsync(5);

            Assert.Equal(new DesfireDataFileSettings(DesfireFileType.StandardData, DesfireCommMode.Plain, rights, 0x50), settings);
            Assert.Equal(FileData[..0x30], first);
            Assert.Equal(FileData[0x30..], second);
            Assert.True(session.IsAuthenticated);
            Assert.Equal(0, card.Remaining);
        }

        // The commands as the log shows them, chaining the 59-byte WriteData into 54 + 5.
        Assert.Equal(
            [
                "90CD0000070500110050000000",
                "906F000000",
                "90F50000010500",
                "903D000036" + "05000000340000" + Hex.Of(FileData.AsSpan(0, 47)) + "00",
                "90AF000005" + Hex.Of(FileData.AsSpan(47, 5)) + "00",
                "903D000023" + "05340000" + "1C0000" + Hex.Of(FileData.AsSpan(0x34)) + "00",
                "90BD0000070500000030000000",
                "90BD0000070530000020000000",
                "90DF0000010500",
            ],
            card.Sent.Skip(2).Select(s => Hex.Of(s)));
    }

    [Theory]
    [MemberData(nameof(FlippedSteps))]
    public async Task RecordedSteps_OneMacBitFlipped_ThatStepThrowsIntegrityErrorAndEndsSession(int flipStep)
    {
        var (_, session) = await AuthenticatedAsync(flipStep);
        using (session)
        {
            var steps = new Func<Task>[]
            {
                () => session.CreateStdDataFileAsync(5, DesfireCommMode.Plain, AccessRights.FromWire(Hex.Parse("1100")), 0x50),
                () => session.GetFileIdsAsync(),
                () => session.GetFileSettingsAsync(5),
                () => session.WriteDataAsync(5, 0, FileData.AsMemory(0, 0x34), DesfireCommMode.Plain),
                () => session.WriteDataAsync(5, 0x34, FileData.AsMemory(0x34), DesfireCommMode.Plain),
                () => session.ReadDataAsync(5, 0, 0x30, DesfireCommMode.Plain),
                () => session.ReadDataAsync(5, 0x30, 0x20, DesfireCommMode.Plain),
                () => session.DeleteFileAsync(5),
            };
            for (var i = 0; i < flipStep; i++)
            {
                await steps[i]();
            }

            await Assert.ThrowsAsync<DesfireIntegrityException>(steps[flipStep]);
            Assert.False(session.IsAuthenticated);
        }
    }

    private static async Task<(ScriptedCardTransport Card, DesfireSession Session)> AuthenticatedAsync(int flipStep)
    {
        var auth = DesfireVectors.Get("ev1_aes_auth")[1];
        var card = new ScriptedCardTransport()
            .Reply(auth.Bytes("ekRndB"), [0x91, 0xAF])
            .Reply(auth.Bytes("ekRndAPrime"), [0x91, 0x00]);
        var steps = DesfireVectors.Get("ev1_aes_plain_session_after_auth2").GetProperty("steps").EnumerateArray().ToArray();
        var data = new[] { Array.Empty<byte>(), [0x05], Hex.Parse("00001100500000"), [], [], FileData[..0x30], FileData[0x30..], [] };
        for (var i = 0; i < steps.Length; i++)
        {
            if (i == 3)
            {
                card.Reply("91AF");
            }

            var mac = steps[i].Bytes("responseCmac");
            if (i == flipStep)
            {
                mac[7] ^= 0x01;
            }

            if (steps[i].TryGetProperty("responseData", out var recorded) && recorded.GetString()!.Length % 2 == 0 && !recorded.GetString()!.Contains(' ', StringComparison.Ordinal))
            {
                Assert.Equal(recorded.Bytes(), data[i]);
            }

            card.Reply(data[i], mac, [0x91, 0x00]);
        }

        var session = new DesfireSession(card, new FixedDesfireRandom(auth.Bytes("rndA")));
        using var key = DesfireKey.Aes(auth.Bytes("key"));
        await session.AuthenticateAsync(0, key);
        return (card, session);
    }
}
