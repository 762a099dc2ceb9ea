namespace MedBlocks.Simulator.Tests.Support;

internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>Bytes first..last inclusive, as the vectors write "bytes 00..33".</summary>
    public static byte[] Sequence(int first, int last) => Enumerable.Range(first, last - first + 1).Select(i => (byte)i).ToArray();
}
