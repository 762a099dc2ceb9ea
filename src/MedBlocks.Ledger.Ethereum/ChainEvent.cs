namespace MedBlocks.Ledger.Ethereum;

/// <summary>One ledger event as read from the chain, before any check.</summary>
/// <param name="BlockNumber">Block holding the log.</param>
/// <param name="BlockHash">That block's hash, as the log reports it.</param>
/// <param name="TransactionHash">The transaction that emitted it.</param>
/// <param name="LogIndex">Position of the log in its block.</param>
/// <param name="Kind">The entry kind the event's name stands for.</param>
/// <param name="PartyTopic">Topic 1: keccak256 of the address the entry concerns.</param>
/// <param name="EntryHashTopic">Topic 2: SHA-256 of the entry.</param>
/// <param name="Entry">The entry's canonical JSON, or null when the log data does not decode.</param>
internal sealed record ChainEvent(
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    long LogIndex,
    string Kind,
    byte[] PartyTopic,
    byte[] EntryHashTopic,
    byte[]? Entry);
