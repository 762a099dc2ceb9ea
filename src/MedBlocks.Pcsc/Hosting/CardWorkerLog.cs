using Microsoft.Extensions.Logging;

namespace MedBlocks.Pcsc.Hosting;

internal static partial class CardWorkerLog
{
    [LoggerMessage(1, LogLevel.Information, "Card present in {Reader}, UID {MaskedUid}")]
    public static partial void CardPresent(ILogger logger, string reader, string maskedUid);

    [LoggerMessage(2, LogLevel.Information, "Card removed from {Reader}")]
    public static partial void CardRemoved(ILogger logger, string reader);

    [LoggerMessage(3, LogLevel.Warning, "Card in {Reader} left before its UID was read")]
    public static partial void CardLeftEarly(ILogger logger, string reader);

    [LoggerMessage(4, LogLevel.Warning, "Could not read the UID of the card in {Reader}: {Reason}")]
    public static partial void UidReadFailed(ILogger logger, string reader, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Ignoring reader {Reader} (not selected by the CardWorker reader patterns)")]
    public static partial void ReaderIgnored(ILogger logger, string reader);
}
