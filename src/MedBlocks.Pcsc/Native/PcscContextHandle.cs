using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>An SCARDCONTEXT; releasing it calls SCardReleaseContext.</summary>
internal sealed class PcscContextHandle : SafeHandle
{
    private readonly IPcscInterop interop;

    public PcscContextHandle(IPcscInterop interop, nint value)
        : base(0, ownsHandle: true)
    {
        this.interop = interop;
        SetHandle(value);
    }

    public override bool IsInvalid => handle == 0;

    // A context killed by a service restart reports E_INVALID_HANDLE here; it is gone either way.
    protected override bool ReleaseHandle()
    {
        _ = interop.ReleaseContext(handle);
        return true;
    }
}
