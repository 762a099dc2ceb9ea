using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Pcsc;

/// <summary>Turns a PC/SC result into the typed exception callers can act on; one explicit case per code.</summary>
public static class PcscErrorMapping
{
    /// <summary>Throws the mapped exception unless <paramref name="code"/> is SCARD_S_SUCCESS.</summary>
    public static void ThrowIfFailed(uint code, string operation)
    {
        if (code != (uint)PcscErrorCode.Success)
        {
            throw ToException(code, operation);
        }
    }

    public static Exception ToException(uint code, string operation) => (PcscErrorCode)code switch
    {
        PcscErrorCode.RemovedCard or PcscErrorCode.NoSmartCard => new CardRemovedException(
            $"The card was removed from the reader during {operation}; tap the card again.",
            new PcscException(code, operation)),
        PcscErrorCode.ResetCard => new PcscCardResetException(code, operation),
        PcscErrorCode.ReaderUnavailable => new PcscReaderUnavailableException(code, operation),
        PcscErrorCode.UnknownReader => new PcscReaderUnavailableException(code, operation),
        PcscErrorCode.NoReadersAvailable => new PcscReaderUnavailableException(code, operation),
        PcscErrorCode.NoService => new PcscServiceUnavailableException(code, operation),
        PcscErrorCode.ServiceStopped => new PcscServiceUnavailableException(code, operation),
        PcscErrorCode.Shutdown => new PcscServiceUnavailableException(code, operation),
        PcscErrorCode.Timeout => new PcscTimeoutException(code, operation),
        PcscErrorCode.Cancelled => new PcscCancelledException(code, operation),
        PcscErrorCode.SystemCancelled => new PcscCancelledException(code, operation),
        PcscErrorCode.SharingViolation => new PcscSharingViolationException(code, operation),
        _ => new PcscException(code, operation),
    };
}
