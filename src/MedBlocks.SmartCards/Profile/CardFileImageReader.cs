using MedBlocks.SmartCards.Desfire;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Reads a variable-length profile file (<c>u16 length ‖ content ‖ zeros</c>) with exact lengths:
/// the first 32-byte block, then the rest of the size the prefix implies. Exact lengths matter for
/// enciphered reads: with "read to end" the host must guess where the CRC sits, and zero-padded
/// content makes that guess ambiguous (a read of 1888 bytes was seen coming back as 1889).
/// </summary>
internal static class CardFileImageReader
{
    public static async Task<byte[]> ReadAsync(DesfireSession session, byte file, DesfireCommMode commMode, CancellationToken cancellationToken)
    {
        var head = await session.ReadDataAsync(file, 0, PatientCardProfile.MemoryBlock, commMode, cancellationToken);
        var length = (head[0] << 8) | head[1];
        if (length == 0)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"File {file:X2} is empty.");
        }

        var size = PatientCardProfile.FileSizeFor(length);
        if (size == head.Length)
        {
            return head;
        }

        byte[] rest;
        try
        {
            rest = await session.ReadDataAsync(file, head.Length, size - head.Length, commMode, cancellationToken);
        }
        catch (DesfireException e) when (e.Status == DesfireStatus.BoundaryError)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"File {file:X2} announces {length} bytes, more than it holds.", e);
        }

        return [.. head, .. rest];
    }
}
