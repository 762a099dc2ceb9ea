using System.Globalization;

namespace MedBlocks.Pcsc;

/// <summary>The C names of PC/SC result codes, for messages and logs.</summary>
public static class PcscErrorNames
{
    public static string Of(uint code) => (PcscErrorCode)code switch
    {
        PcscErrorCode.Success => "SCARD_S_SUCCESS",
        PcscErrorCode.InternalError => "SCARD_F_INTERNAL_ERROR",
        PcscErrorCode.Cancelled => "SCARD_E_CANCELLED",
        PcscErrorCode.InvalidHandle => "SCARD_E_INVALID_HANDLE",
        PcscErrorCode.InvalidParameter => "SCARD_E_INVALID_PARAMETER",
        PcscErrorCode.InvalidTarget => "SCARD_E_INVALID_TARGET",
        PcscErrorCode.NoMemory => "SCARD_E_NO_MEMORY",
        PcscErrorCode.WaitedTooLong => "SCARD_F_WAITED_TOO_LONG",
        PcscErrorCode.InsufficientBuffer => "SCARD_E_INSUFFICIENT_BUFFER",
        PcscErrorCode.UnknownReader => "SCARD_E_UNKNOWN_READER",
        PcscErrorCode.Timeout => "SCARD_E_TIMEOUT",
        PcscErrorCode.SharingViolation => "SCARD_E_SHARING_VIOLATION",
        PcscErrorCode.NoSmartCard => "SCARD_E_NO_SMARTCARD",
        PcscErrorCode.UnknownCard => "SCARD_E_UNKNOWN_CARD",
        PcscErrorCode.CannotDispose => "SCARD_E_CANT_DISPOSE",
        PcscErrorCode.ProtocolMismatch => "SCARD_E_PROTO_MISMATCH",
        PcscErrorCode.NotReady => "SCARD_E_NOT_READY",
        PcscErrorCode.InvalidValue => "SCARD_E_INVALID_VALUE",
        PcscErrorCode.SystemCancelled => "SCARD_E_SYSTEM_CANCELLED",
        PcscErrorCode.CommunicationError => "SCARD_F_COMM_ERROR",
        PcscErrorCode.UnknownError => "SCARD_F_UNKNOWN_ERROR",
        PcscErrorCode.InvalidAtr => "SCARD_E_INVALID_ATR",
        PcscErrorCode.NotTransacted => "SCARD_E_NOT_TRANSACTED",
        PcscErrorCode.ReaderUnavailable => "SCARD_E_READER_UNAVAILABLE",
        PcscErrorCode.Shutdown => "SCARD_P_SHUTDOWN",
        PcscErrorCode.PciTooSmall => "SCARD_E_PCI_TOO_SMALL",
        PcscErrorCode.ReaderUnsupported => "SCARD_E_READER_UNSUPPORTED",
        PcscErrorCode.DuplicateReader => "SCARD_E_DUPLICATE_READER",
        PcscErrorCode.CardUnsupported => "SCARD_E_CARD_UNSUPPORTED",
        PcscErrorCode.NoService => "SCARD_E_NO_SERVICE",
        PcscErrorCode.ServiceStopped => "SCARD_E_SERVICE_STOPPED",
        PcscErrorCode.NoReadersAvailable => "SCARD_E_NO_READERS_AVAILABLE",
        PcscErrorCode.UnsupportedCard => "SCARD_W_UNSUPPORTED_CARD",
        PcscErrorCode.UnresponsiveCard => "SCARD_W_UNRESPONSIVE_CARD",
        PcscErrorCode.UnpoweredCard => "SCARD_W_UNPOWERED_CARD",
        PcscErrorCode.ResetCard => "SCARD_W_RESET_CARD",
        PcscErrorCode.RemovedCard => "SCARD_W_REMOVED_CARD",
        PcscErrorCode.SecurityViolation => "SCARD_W_SECURITY_VIOLATION",
        PcscErrorCode.WrongChv => "SCARD_W_WRONG_CHV",
        PcscErrorCode.ChvBlocked => "SCARD_W_CHV_BLOCKED",
        PcscErrorCode.EndOfFile => "SCARD_W_EOF",
        PcscErrorCode.CancelledByUser => "SCARD_W_CANCELLED_BY_USER",
        PcscErrorCode.CardNotAuthenticated => "SCARD_W_CARD_NOT_AUTHENTICATED",
        _ => string.Create(CultureInfo.InvariantCulture, $"unknown PC/SC code 0x{code:X8}"),
    };
}
