using System.Buffers;
using System.Buffers.Binary;

namespace MedBlocks.Core.Encoding;

/// <summary>
/// Builds an unambiguous byte string from fields: each variable field is its length (u32, big-endian)
/// followed by its bytes, so no choice of field contents can shift a boundary.
/// Used for associated data and signed messages.
/// </summary>
internal sealed class LengthPrefixedFields
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public LengthPrefixedFields Add(ReadOnlySpan<byte> field)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), checked((uint)field.Length));
        _buffer.Advance(4);
        _buffer.Write(field);
        return this;
    }

    public LengthPrefixedFields Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A fixed-width 64-bit big-endian value (no length prefix: its width never varies).</summary>
    public LengthPrefixedFields AddInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
