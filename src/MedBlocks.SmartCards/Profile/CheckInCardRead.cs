namespace MedBlocks.SmartCards.Profile;

/// <summary>What a check-in kiosk reads with K2: card info and identity.</summary>
public sealed record CheckInCardRead(ReadOnlyMemory<byte> Uid, CardInfo Info, CardIdentity Identity);
