using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>Builds and signs entries with an <see cref="IEntrySigner"/>, stamping time from a <see cref="TimeProvider"/>.</summary>
public sealed class LedgerEntryFactory(TimeProvider timeProvider)
{
    private readonly TimeProvider timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>
    /// An entry on top of <paramref name="head"/>, stamped now; if this clock is behind the head's time the
    /// head's time is used, so entries never go backwards in time.
    /// </summary>
    public LedgerEntry Create(IEntrySigner signer, LedgerHead head, ILedgerBody body)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Create(signer, head.Hash, NextTime(head), body);
    }

    /// <summary>The time for an entry on <paramref name="head"/>: now, to the millisecond, never before the head's time.</summary>
    public DateTimeOffset NextTime(LedgerHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var now = LedgerEntry.TruncateTime(timeProvider.GetUtcNow());
        return head.Time is { } headTime && headTime > now ? headTime : now;
    }

    /// <summary>An entry linking to <paramref name="prev"/>, stamped now.</summary>
    public LedgerEntry Create(IEntrySigner signer, string prev, ILedgerBody body) =>
        Create(signer, prev, LedgerEntry.TruncateTime(timeProvider.GetUtcNow()), body);

    /// <summary>An entry with an explicit time (UTC, millisecond precision).</summary>
    /// <exception cref="LedgerFormatException">A field or the body is malformed.</exception>
    /// <exception cref="LedgerRuleViolation">The signer returned a signature that does not verify for its address.</exception>
    public static LedgerEntry Create(IEntrySigner signer, string prev, DateTimeOffset time, ILedgerBody body)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(body);
        if (time != LedgerEntry.TruncateTime(time) || time.Offset != TimeSpan.Zero)
        {
            throw new LedgerFormatException("time must be UTC with millisecond precision.");
        }

        var element = LedgerBody.ToCanonicalElement(body);
        var signed = LedgerEntry.BuildSignedBytes(prev, signer.Address, time, body.Kind, element);
        var signature = signer.Sign(signed);
        if (!Ed25519Address.Verify(signer.Address, signed, signature))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.Signature, "The signer's signature does not verify for its address.");
        }

        return LedgerEntry.Create(prev, signer.Address, time, body.Kind, element, Convert.ToBase64String(signature));
    }
}
