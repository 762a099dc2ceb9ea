using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>An SCARDHANDLE; releasing it calls SCardDisconnect with SCARD_LEAVE_CARD.</summary>
internal sealed class PcscCardHandle : SafeHandle
{
    private readonly IPcscInterop interop;

    public PcscCardHandle(IPcscInterop interop, nint value)
        : base(0, ownsHandle: true)
    {
        this.interop = interop;
        SetHandle(value);
    }

    public override bool IsInvalid => handle == 0;

    // A removed card or a restarted service makes SCardDisconnect fail; the handle is gone either way.
    protected override bool ReleaseHandle()
    {
        _ = interop.Disconnect(handle, PcscDisposition.Leave);
        return true;
    }
}
