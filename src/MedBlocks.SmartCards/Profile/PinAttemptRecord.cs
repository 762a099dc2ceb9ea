namespace MedBlocks.SmartCards.Profile;

/// <summary>Consecutive wrong PINs of one card serial: how many, when the last was, and until when the card is refused.</summary>
public readonly record struct PinAttemptRecord(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
