namespace MedBlocks.SmartCards.Tests.TestSupport;

internal static class Hex
{
    /// <summary>Parses hex with optional spaces, e.g. "90 AF 00 00 00".</summary>
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>Bytes first, first+1, …, last.</summary>
    public static byte[] Sequence(int first, int last) => Enumerable.Range(first, last - first + 1).Select(i => (byte)i).ToArray();
}
