namespace MedBlocks.Ipfs.Blocks;

/// <summary>A growable buffer reused for block after block, so reading a file does not allocate per block.</summary>
internal sealed class BlockBuffer
{
    private byte[] _array = new byte[64 * 1024];

    public byte[] Array => _array;

    public void EnsureCapacity(int length)
    {
        if (_array.Length < length)
        {
            // Keeps what the buffer holds: a block read in pieces grows it part-way.
            var larger = new byte[Math.Max(length, _array.Length * 2)];
            _array.CopyTo(larger, 0);
            _array = larger;
        }
    }
}
