namespace MedBlocks.Ipfs.Encoding;

/// <summary>RFC 4648 base32 without padding (multibase 'b' is the lower-case alphabet).</summary>
internal static class Base32
{
    private const string LowerAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const string UpperAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string EncodeLower(ReadOnlySpan<byte> data) => Encode(data, LowerAlphabet);

    public static string EncodeUpper(ReadOnlySpan<byte> data) => Encode(data, UpperAlphabet);

    /// <summary>Decodes lower-case text; false for other characters, impossible lengths or non-zero padding bits.</summary>
    public static bool TryDecodeLower(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        var remainder = text.Length % 8;
        if (remainder is 1 or 3 or 6)
        {
            return false;
        }

        var result = new byte[text.Length * 5 / 8];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var c in text)
        {
            int digit;
            if (c is >= 'a' and <= 'z')
            {
                digit = c - 'a';
            }
            else if (c is >= '2' and <= '7')
            {
                digit = c - '2' + 26;
            }
            else
            {
                return false;
            }

            buffer = (buffer << 5) | digit;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result[index++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        if (buffer != 0)
        {
            return false;
        }

        data = result;
        return true;
    }

    private static string Encode(ReadOnlySpan<byte> data, string alphabet)
    {
        var length = (data.Length * 8 + 4) / 5;
        return string.Create(length, (Data: data.ToArray(), Alphabet: alphabet), static (chars, state) =>
        {
            var buffer = 0;
            var bits = 0;
            var index = 0;
            foreach (var b in state.Data)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    bits -= 5;
                    chars[index++] = state.Alphabet[(buffer >> bits) & 31];
                }

                buffer &= (1 << bits) - 1;
            }

            if (bits > 0)
            {
                chars[index] = state.Alphabet[(buffer << (5 - bits)) & 31];
            }
        });
    }
}
