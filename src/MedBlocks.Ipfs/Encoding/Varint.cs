namespace MedBlocks.Ipfs.Encoding;

/// <summary>Unsigned LEB128 varints as used by multiformats and protobuf.</summary>
internal static class Varint
{
    /// <summary>Multiformats caps varints at 9 bytes (63 bits).</summary>
    public const int MaxLength = 9;

    public static int Length(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads a minimally encoded varint; false when truncated, overlong or non-minimal.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var shift = 0;
        for (var i = 0; i < source.Length && i < MaxLength; i++)
        {
            var b = source[i];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                // A trailing zero byte after the first means a non-minimal encoding.
                if (b == 0 && i > 0)
                {
                    value = 0;
                    return false;
                }

                consumed = i + 1;
                return true;
            }

            shift += 7;
        }

        value = 0;
        return false;
    }
}
