namespace MedBlocks.SmartCards.Profile;

/// <summary>What a paramedic station reads with K3: card info and the (decompressed) signed emergency summary.</summary>
public sealed record EmergencyCardRead(ReadOnlyMemory<byte> Uid, CardInfo Info, ReadOnlyMemory<byte> SignedSummary);
