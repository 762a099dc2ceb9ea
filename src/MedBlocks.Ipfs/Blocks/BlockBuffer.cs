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
            _array = new byte[Math.Max(length, _array.Length * 2)];
        }
    }
}
