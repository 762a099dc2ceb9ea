using System.Numerics;

namespace MedBlocks.Core.Encoding;

/// <summary>Base58 with the Bitcoin alphabet, as used for MedBlocks addresses (Ed25519 public keys).</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] Digits = BuildDigits();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var leadingZeros = 0;
        while (leadingZeros < data.Length && data[leadingZeros] == 0)
        {
            leadingZeros++;
        }

        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>(data.Length * 138 / 100 + 1);
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            chars.Add(Alphabet[(int)remainder]);
        }

        chars.AddRange(Enumerable.Repeat('1', leadingZeros));
        chars.Reverse();
        return new string(chars.ToArray());
    }

    /// <exception cref="FormatException">The text holds a character outside the alphabet.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var leadingOnes = 0;
        while (leadingOnes < text.Length && text[leadingOnes] == '1')
        {
            leadingOnes++;
        }

        var value = BigInteger.Zero;
        foreach (var c in text)
        {
            var digit = c < Digits.Length ? Digits[c] : (sbyte)-1;
            if (digit < 0)
            {
                throw new FormatException("The text is not base58.");
            }

            value = value * 58 + digit;
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[leadingOnes + body.Length];
        body.CopyTo(result, leadingOnes);
        return result;
    }

    /// <summary>Decodes without throwing; false for text outside the alphabet.</summary>
    public static bool TryDecode(string? text, out byte[] data)
    {
        data = [];
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c >= Digits.Length || Digits[c] < 0)
            {
                return false;
            }
        }

        data = Decode(text);
        return true;
    }

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}
