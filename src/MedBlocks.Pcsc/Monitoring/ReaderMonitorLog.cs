using Microsoft.Extensions.Logging;

namespace MedBlocks.Pcsc.Monitoring;

internal static partial class ReaderMonitorLog
{
    [LoggerMessage(1, LogLevel.Information, "Reader attached: {Reader}")]
    public static partial void ReaderAttached(ILogger logger, string reader);

    [LoggerMessage(2, LogLevel.Information, "Reader detached: {Reader}")]
    public static partial void ReaderDetached(ILogger logger, string reader);

    [LoggerMessage(3, LogLevel.Debug, "Card inserted in {Reader}, ATR {Atr}")]
    public static partial void CardInserted(ILogger logger, string reader, string atr);

    [LoggerMessage(4, LogLevel.Debug, "Card removed from {Reader}")]
    public static partial void CardRemoved(ILogger logger, string reader);

    [LoggerMessage(5, LogLevel.Warning, "PC/SC service lost ({Code}); re-establishing the context in {Delay}")]
    public static partial void ServiceLost(ILogger logger, string code, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Information, "PC/SC context established; {Count} reader(s)")]
    public static partial void ContextEstablished(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Error, "Reader monitor error; retrying in {Delay}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Error, "Unexpected PC/SC result {Code}; retrying in {Delay}")]
    public static partial void UnexpectedResult(ILogger logger, string code, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Error, "A reader event handler threw")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "The reader monitor thread did not stop in time")]
    public static partial void StopTimedOut(ILogger logger);
}
