using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

/// <summary>
/// Enciphered file transfers use the fewest APDUs the frame limits allow: 54 data bytes per command
/// frame, 59 per response frame.
/// </summary>
public sealed class DesfireSessionApduCountTests
{
    private static readonly byte[] SessionKey = Hex.Sequence(0x30, 0x3F);

    [Fact]
    public async Task ReadDataAsync_512BytesEnciphered_Uses9Apdus()
    {
        // 512 data + 4 CRC padded to 528 bytes of cryptogram: ceil(528 / 59) = 9 response frames.
        var content = Enumerable.Range(0, 512).Select(i => (byte)(i * 13)).ToArray();
        using var cardSide = new Ev1SecureChannel(DesfireKeyType.Aes, SessionKey);
        cardSide.MacCommand(0xBD, Hex.Parse("02000000000200"));
        var crc = new byte[4];
        DesfireCrc32.Write([.. content, 0x00], crc);
        var cryptogram = cardSide.EncipherPadded([.. content, .. crc]);
        var card = new ScriptedCardTransport();
        var chunks = cryptogram.Chunk(DesfireFrameTransport.MaxResponseDataPerFrame).ToArray();
        for (var i = 0; i < chunks.Length; i++)
        {
            card.Reply(chunks[i], [0x91, i == chunks.Length - 1 ? (byte)0x00 : (byte)0xAF]);
        }

        using var session = Resumed(card);

        var data = await session.ReadDataAsync(2, 0, 512, DesfireCommMode.Enciphered);

        Assert.Equal(content, data);
        Assert.Equal(528, cryptogram.Length);
        Assert.Equal(9, card.Sent.Count);
        Assert.Equal(13 + (8 * 5), card.Sent.Sum(a => a.Length));
    }

    [Fact]
    public async Task WriteDataAsync_2048BytesEnciphered_Uses39Apdus()
    {
        // 7 header + (2048 data + 4 CRC padded to 2064) = 2071 bytes: ceil(2071 / 54) = 39 command frames.
        var content = Enumerable.Range(0, 2048).Select(i => (byte)(i * 7)).ToArray();
        using var cardSide = new Ev1SecureChannel(DesfireKeyType.Aes, SessionKey);
        var cryptogram = cardSide.EncipherCommandData(0x3D, Hex.Parse("02000000000800"), content);
        var card = new ScriptedCardTransport();
        for (var i = 0; i < 38; i++)
        {
            card.Reply("91AF");
        }

        card.Reply(cardSide.MacResponse(default), [0x91, 0x00]);
        using var session = Resumed(card);

        await session.WriteDataAsync(2, 0, content, DesfireCommMode.Enciphered);

        Assert.Equal(2064, cryptogram.Length);
        Assert.Equal(39, card.Sent.Count);
        Assert.All(card.Sent.Take(38), apdu => Assert.Equal(5 + 54 + 1, apdu.Length));
        Assert.Equal(2071 + (39 * 6), card.Sent.Sum(a => a.Length));
        Assert.Equal(0, card.Remaining);
    }

    private static DesfireSession Resumed(ScriptedCardTransport card)
    {
        var session = new DesfireSession(card);
        session.AssumeSelectedApplication(new DesfireAid(0x4D4231));
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, SessionKey), 0);
        return session;
    }
}
