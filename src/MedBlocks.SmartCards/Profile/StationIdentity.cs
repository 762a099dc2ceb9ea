namespace MedBlocks.SmartCards.Profile;

/// <summary>The station reading a card: its ledger address (hashed into the access log) and role.</summary>
public sealed record StationIdentity(string Address, StationRole Role)
{
    public ulong StationId { get; } = AccessLogRecord.StationIdOf(Address);
}
