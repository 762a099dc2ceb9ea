namespace MedBlocks.Ledger.Ethereum;

/// <summary>Rules an event breaks before its entry reaches the ledger rules; refused like any rule violation.</summary>
public static class EthereumRuleNames
{
    /// <summary>The event's name or topics do not match the entry it carries.</summary>
    public const string EventTopics = "event-topics";
}
