using MedBlocks.Pcsc.Native;

namespace MedBlocks.Pcsc;

/// <summary>
/// A PC/SC resource-manager context (SCardEstablishContext). Use one per thread of work: a context
/// blocked in <see cref="WaitForChange"/> must not be shared with card I/O.
/// </summary>
public sealed class PcscContext : IDisposable
{
    private const int ListReadersAttempts = 5;

    private readonly PcscContextHandle handle;

    private PcscContext(IPcscInterop interop, PcscContextHandle handle)
    {
        Interop = interop;
        this.handle = handle;
    }

    internal IPcscInterop Interop { get; }

    public static PcscContext Establish(PcscScope scope = PcscScope.System) =>
        Establish(PcscInteropFactory.ForCurrentPlatform(), scope);

    internal static PcscContext Establish(IPcscInterop interop, PcscScope scope = PcscScope.System)
    {
        ArgumentNullException.ThrowIfNull(interop);
        var rv = interop.EstablishContext(scope, out var value);
        PcscErrorMapping.ThrowIfFailed(rv, "SCardEstablishContext");
        return new PcscContext(interop, new PcscContextHandle(interop, value));
    }

    /// <summary>The names of the readers known now; empty when there are none.</summary>
    public IReadOnlyList<string> ListReaders()
    {
        var rv = TryListReaders(out var readers);
        PcscErrorMapping.ThrowIfFailed(rv, "SCardListReaders");
        return readers;
    }

    /// <summary>SCardListReaders twice (size, then fill), again if a reader appeared in between.</summary>
    internal uint TryListReaders(out IReadOnlyList<string> readers)
    {
        readers = [];
        using var use = new HandleUse(handle);
        for (var attempt = 0; attempt < ListReadersAttempts; attempt++)
        {
            var length = 0;
            var rv = Interop.ListReaders(use.Value, null, ref length);
            if (rv == (uint)PcscErrorCode.NoReadersAvailable)
            {
                return (uint)PcscErrorCode.Success;
            }

            if (rv != 0)
            {
                return rv;
            }

            var buffer = new byte[length];
            rv = Interop.ListReaders(use.Value, buffer, ref length);
            if (rv == (uint)PcscErrorCode.InsufficientBuffer)
            {
                continue;
            }

            if (rv == (uint)PcscErrorCode.NoReadersAvailable)
            {
                return (uint)PcscErrorCode.Success;
            }

            if (rv != 0)
            {
                return rv;
            }

            readers = PcscMultiString.Decode(buffer.AsSpan(0, Math.Min(length, buffer.Length)), Interop.ReaderNameEncoding);
            return rv;
        }

        return (uint)PcscErrorCode.InsufficientBuffer;
    }

    /// <summary>Connects to the card in <paramref name="readerName"/>.</summary>
    public PcscCard Connect(string readerName, PcscShareMode shareMode = PcscShareMode.Shared, PcscProtocols protocols = PcscProtocols.Any)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerName);
        using var use = new HandleUse(handle);
        var rv = Interop.Connect(use.Value, readerName, shareMode, protocols, out var card, out var active);
        PcscErrorMapping.ThrowIfFailed(rv, "SCardConnect");
        return new PcscCard(Interop, new PcscCardHandle(Interop, card), readerName, shareMode, active);
    }

    /// <summary>
    /// Blocks until a reader's state differs from its <see cref="PcscReaderState.CurrentState"/>;
    /// false when <paramref name="timeout"/> passed first. <see cref="Cancel"/> ends the wait.
    /// </summary>
    public bool WaitForChange(PcscReaderState[] readers, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var rv = GetStatusChange(readers, ToMilliseconds(timeout));
        if (rv == (uint)PcscErrorCode.Timeout)
        {
            return false;
        }

        PcscErrorMapping.ThrowIfFailed(rv, "SCardGetStatusChange");
        return true;
    }

    internal uint GetStatusChange(PcscReaderState[] readers, uint timeoutMilliseconds)
    {
        using var use = new HandleUse(handle);
        return Interop.GetStatusChange(use.Value, timeoutMilliseconds, readers);
    }

    /// <summary>Ends a blocking <see cref="WaitForChange"/> on another thread (it fails with SCARD_E_CANCELLED).</summary>
    public void Cancel() => PcscErrorMapping.ThrowIfFailed(TryCancel(), "SCardCancel");

    internal uint TryCancel()
    {
        try
        {
            using var use = new HandleUse(handle);
            return Interop.Cancel(use.Value);
        }
        catch (ObjectDisposedException)
        {
            // Another thread released the context meanwhile: nothing is left to cancel.
            return (uint)PcscErrorCode.InvalidHandle;
        }
    }

    public void Dispose() => handle.Dispose();

    private static uint ToMilliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? uint.MaxValue : (uint)Math.Clamp(timeout.TotalMilliseconds, 0, uint.MaxValue - 1);
}
