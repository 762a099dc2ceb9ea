using System.Buffers;

namespace MedBlocks.Core.Encoding;

/// <summary>Base58 with the Bitcoin alphabet, as used for MedBlocks addresses (Ed25519 public keys).</summary>
/// <remarks>
/// Plain base conversion over 32-bit limbs: every address on the ledger is decoded when entries are read, so
/// this avoids big-integer arithmetic and, for span destinations, allocates nothing.
/// </remarks>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const int StackLimbs = 64;
    private static readonly sbyte[] Digits = BuildDigits();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var leadingZeros = data.IndexOfAnyExcept((byte)0);
        if (leadingZeros < 0)
        {
            return new string('1', data.Length);
        }

        // Base-58 digits, least significant first; log(256)/log(58) < 1.37 digits per byte.
        var capacity = (data.Length - leadingZeros) * 137 / 100 + 1;
        var rented = capacity > 256 ? ArrayPool<byte>.Shared.Rent(capacity) : null;
        var digits = rented is null ? stackalloc byte[capacity] : rented.AsSpan(0, capacity);
        var used = 0;
        foreach (var value in data[leadingZeros..])
        {
            int carry = value;
            for (var i = 0; i < used; i++)
            {
                carry += digits[i] << 8;
                digits[i] = (byte)(carry % 58);
                carry /= 58;
            }

            while (carry > 0)
            {
                digits[used++] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        var text = new char[leadingZeros + used];
        text.AsSpan(0, leadingZeros).Fill('1');
        for (var i = 0; i < used; i++)
        {
            text[leadingZeros + i] = Alphabet[digits[used - 1 - i]];
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return new string(text);
    }

    /// <exception cref="FormatException">The text holds a character outside the alphabet.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsInAlphabet(text))
        {
            throw new FormatException("The text is not base58.");
        }

        // Each base-58 digit adds less than 6 bits, so text.Length bytes always suffice.
        var buffer = new byte[text.Length];
        _ = TryDecode(text, buffer, out var written);
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>Decodes without throwing; false for text outside the alphabet.</summary>
    public static bool TryDecode(string? text, out byte[] data)
    {
        data = [];
        if (text is null || !IsInAlphabet(text))
        {
            return false;
        }

        data = Decode(text);
        return true;
    }

    /// <summary>Decodes into <paramref name="destination"/> without allocating.</summary>
    /// <returns>False when the text holds a character outside the alphabet or its value does not fit <paramref name="destination"/>.</returns>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        var leadingOnes = text.IndexOfAnyExcept('1');
        if (leadingOnes < 0)
        {
            leadingOnes = text.Length;
        }

        if (leadingOnes > destination.Length)
        {
            return false;
        }

        // The value as little-endian 32-bit limbs; one spare limb so that overflow is seen before it is lost.
        var maxLimbs = (destination.Length - leadingOnes + 3) / 4 + 1;
        var rented = maxLimbs > StackLimbs ? ArrayPool<uint>.Shared.Rent(maxLimbs) : null;
        var limbs = rented is null ? stackalloc uint[maxLimbs] : rented.AsSpan(0, maxLimbs);
        try
        {
            var used = 0;
            foreach (var c in text[leadingOnes..])
            {
                var digit = c < Digits.Length ? Digits[c] : -1;
                if (digit < 0)
                {
                    return false;
                }

                ulong carry = (uint)digit;
                for (var i = 0; i < used; i++)
                {
                    carry += (ulong)limbs[i] * 58;
                    limbs[i] = (uint)carry;
                    carry >>= 32;
                }

                if (carry != 0)
                {
                    if (used == maxLimbs)
                    {
                        return false;
                    }

                    limbs[used++] = (uint)carry;
                }
            }

            var valueBytes = used * 4;
            while (valueBytes > 0 && ByteOf(limbs, valueBytes - 1) == 0)
            {
                valueBytes--;
            }

            if (leadingOnes + valueBytes > destination.Length)
            {
                return false;
            }

            destination[..leadingOnes].Clear();
            for (var i = 0; i < valueBytes; i++)
            {
                destination[leadingOnes + i] = ByteOf(limbs, valueBytes - 1 - i);
            }

            bytesWritten = leadingOnes + valueBytes;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<uint>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Byte <paramref name="index"/> of the little-endian value held in <paramref name="limbs"/>.</summary>
    private static byte ByteOf(ReadOnlySpan<uint> limbs, int index) => (byte)(limbs[index / 4] >> (8 * (index % 4)));

    private static bool IsInAlphabet(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= Digits.Length || Digits[c] < 0)
            {
                return false;
            }
        }

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
