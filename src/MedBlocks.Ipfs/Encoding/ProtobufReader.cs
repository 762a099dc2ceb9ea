namespace MedBlocks.Ipfs.Encoding;

/// <summary>Walks the fields of a protobuf message; never throws on malformed input, returns false instead.</summary>
internal ref struct ProtobufReader
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;
    public const int WireFixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtobufReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>
    /// Reads the next field. For varints <paramref name="value"/> holds the number; for length-delimited
    /// fields <paramref name="start"/> and <paramref name="length"/> locate the payload in the message.
    /// </summary>
    public bool TryReadField(out ulong field, out int wireType, out ulong value, out int start, out int length)
    {
        field = 0;
        wireType = 0;
        value = 0;
        start = 0;
        length = 0;
        if (!Varint.TryRead(_data[_position..], out var tag, out var used))
        {
            return false;
        }

        _position += used;
        field = tag >> 3;
        wireType = (int)(tag & 7);
        if (field == 0)
        {
            return false;
        }

        switch (wireType)
        {
            case WireVarint:
                if (!Varint.TryRead(_data[_position..], out value, out used))
                {
                    return false;
                }

                _position += used;
                return true;
            case WireLengthDelimited:
                if (!Varint.TryRead(_data[_position..], out var size, out used) || size > (ulong)(_data.Length - _position - used))
                {
                    return false;
                }

                _position += used;
                start = _position;
                length = (int)size;
                _position += length;
                return true;
            case WireFixed64:
                return Skip(8);
            case WireFixed32:
                return Skip(4);
            default:
                return false;
        }
    }

    private bool Skip(int count)
    {
        if (_data.Length - _position < count)
        {
            return false;
        }

        _position += count;
        return true;
    }
}
