using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// The card's 7-byte UID for key diversification, in one APDU where the reader supports the PC/SC
/// GET DATA pseudo-APDU (<c>FF CA 00 00 00</c>), else from GetVersion (three APDUs), which also
/// proves the card is an NXP DESFire EV1 or later with at least 4 KB.
/// </summary>
internal static class CardUidReader
{
    private static readonly byte[] GetUidCommand = [0xFF, 0xCA, 0x00, 0x00, 0x00];

    public static async Task<byte[]> ReadAsync(ICardTransport transport, DesfireSession session, CancellationToken cancellationToken)
    {
        var answer = await transport.TransmitAsync(GetUidCommand, cancellationToken);
        if (answer.Length == 9 && answer[7] == 0x90 && answer[8] == 0x00 && answer[0] == PatientCardProfile.NxpVendor)
        {
            return answer[..7];
        }

        var (_, uid) = await CardPersonalizer.CheckCardAsync(session, cancellationToken);
        return uid;
    }
}
