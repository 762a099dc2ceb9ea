using MedBlocks.Core.Ledger;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// What a reader checks about an event before the ledger rules: the entry parses as canonical JSON, the event's
/// name is the entry's kind, its topics are the entry's party and hash, and its time is not ahead of its block's
/// time (the deterministic stand-in for a station's clock: every reader decides alike).
/// </summary>
internal static class ChainEntryCheck
{
    /// <summary>The entry and the latest time it may carry.</summary>
    /// <exception cref="LedgerRuleViolation">The event cannot carry a ledger entry.</exception>
    public static FollowedEntry Check(ChainEvent chainEvent, DateTimeOffset blockTime)
    {
        if (chainEvent.Entry is null)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.Format, "The event's data does not decode as an entry.");
        }

        LedgerEntry entry;
        try
        {
            entry = LedgerEntry.Parse(chainEvent.Entry);
        }
        catch (LedgerFormatException ex)
        {
            throw new LedgerRuleViolation(ex.Message, ex);
        }

        if (!string.Equals(entry.Kind, chainEvent.Kind, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolation(EthereumRuleNames.EventTopics, $"A {chainEvent.Kind} event carries a {entry.Kind} entry.");
        }

        if (!chainEvent.EntryHashTopic.AsSpan().SequenceEqual(Convert.FromHexString(entry.Hash)))
        {
            throw new LedgerRuleViolation(EthereumRuleNames.EventTopics, "The event's entry-hash topic is not the entry's hash.");
        }

        string party;
        try
        {
            party = LedgerContract.PartyOf(entry);
        }
        catch (LedgerFormatException ex)
        {
            throw new LedgerRuleViolation(ex.Message, ex);
        }

        if (!chainEvent.PartyTopic.AsSpan().SequenceEqual(LedgerContract.PartyTopic(party)))
        {
            throw new LedgerRuleViolation(EthereumRuleNames.EventTopics, "The event's party topic is not the address the entry concerns.");
        }

        return new FollowedEntry(entry, blockTime + LedgerRules.TimeTolerance);
    }
}
