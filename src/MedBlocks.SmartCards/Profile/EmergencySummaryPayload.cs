using System.IO.Compression;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// File 03 content: the signed emergency summary (opaque bytes here; its author signs it) compressed
/// with raw deflate. Decompression is bounded so a damaged or hostile card cannot exhaust memory.
/// </summary>
public static class EmergencySummaryPayload
{
    /// <summary>The largest summary accepted once decompressed.</summary>
    public const int MaxSummaryLength = 64 * 1024;

    public static byte[] Compress(ReadOnlySpan<byte> signedSummary)
    {
        if (signedSummary.IsEmpty || signedSummary.Length > MaxSummaryLength)
        {
            throw new ArgumentException($"An emergency summary is 1..{MaxSummaryLength} bytes; got {signedSummary.Length}.", nameof(signedSummary));
        }

        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(signedSummary);
        }

        return output.ToArray();
    }

    /// <exception cref="PatientCardException">CorruptContent: not deflate data, or larger than <see cref="MaxSummaryLength"/>.</exception>
    public static byte[] Decompress(byte[] compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[4096];
            int read;
            while ((read = deflate.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxSummaryLength)
                {
                    throw new PatientCardException(PatientCardError.CorruptContent, $"The emergency summary expands beyond {MaxSummaryLength} bytes.");
                }

                output.Write(buffer, 0, read);
            }

            if (output.Length == 0)
            {
                throw new PatientCardException(PatientCardError.CorruptContent, "The emergency summary is empty.");
            }

            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, "The emergency summary is not deflate data.", e);
        }
    }
}
