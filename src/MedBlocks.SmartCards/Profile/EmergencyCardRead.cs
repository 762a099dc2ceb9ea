namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// What a paramedic station reads with K3: card info and the emergency summary, whose author
/// signature has been verified (<see cref="SignedSummary"/> is the signed form as stored).
/// </summary>
public sealed record EmergencyCardRead(ReadOnlyMemory<byte> Uid, CardInfo Info, EmergencySummary Summary, ReadOnlyMemory<byte> SignedSummary);
