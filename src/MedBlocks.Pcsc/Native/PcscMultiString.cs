using System.Text;

namespace MedBlocks.Pcsc.Native;

/// <summary>Decodes the NUL-separated, double-NUL-terminated reader lists of PC/SC.</summary>
internal static class PcscMultiString
{
    public static IReadOnlyList<string> Decode(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var text = encoding.GetString(bytes);
        return text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string DecodeFirst(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var all = Decode(bytes, encoding);
        return all.Count == 0 ? string.Empty : all[0];
    }
}
