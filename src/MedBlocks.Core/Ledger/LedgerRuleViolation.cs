namespace MedBlocks.Core.Ledger;

/// <summary>An entry breaks a ledger rule; <see cref="Rule"/> names which (see <see cref="LedgerRuleNames"/>).</summary>
public sealed class LedgerRuleViolation : LedgerException
{
    public LedgerRuleViolation()
        : this(LedgerRuleNames.Format, "The entry breaks a ledger rule.")
    {
    }

    public LedgerRuleViolation(string message)
        : this(LedgerRuleNames.Format, message)
    {
    }

    public LedgerRuleViolation(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = LedgerRuleNames.Format;
    }

    public LedgerRuleViolation(string rule, string message)
        : base($"{rule}: {message}")
    {
        Rule = rule;
    }

    /// <summary>The broken rule's name, e.g. <c>grant-owner</c>.</summary>
    public string Rule { get; }
}
