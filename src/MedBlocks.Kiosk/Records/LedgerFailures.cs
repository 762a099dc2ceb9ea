using MedBlocks.Core.Ledger;
using MedBlocks.Core.Records;

namespace MedBlocks.Kiosk.Records;

/// <summary>Tells a ledger or record store that cannot be reached from an answer that refuses something.</summary>
public static class LedgerFailures
{
    /// <summary>
    /// True for failures of the connection to the ledger or store (node down, file unavailable, timeout),
    /// false for answers about the content (a rule broken, a format error), which a retry would not change.
    /// </summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        LedgerRuleViolation or LedgerFormatException or LedgerHeadMovedException => false,
        LedgerException => true,
        RecordStoreException => true,
        HttpRequestException or IOException or TimeoutException => true,
        System.Data.Common.DbException => true,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };
}
