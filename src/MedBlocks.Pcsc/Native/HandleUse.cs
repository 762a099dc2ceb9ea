using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>Keeps a SafeHandle alive for the length of one native call.</summary>
internal readonly ref struct HandleUse
{
    private readonly SafeHandle handle;
    private readonly bool added;

    public HandleUse(SafeHandle handle)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, handle);
        this.handle = handle;
        var ok = false;
        handle.DangerousAddRef(ref ok);
        added = ok;
        Value = handle.DangerousGetHandle();
    }

    public nint Value { get; }

    public void Dispose()
    {
        if (added)
        {
            handle.DangerousRelease();
        }
    }
}
