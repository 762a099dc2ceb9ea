namespace MedBlocks.SmartCards.Profile;

/// <summary>An emergency summary written, committed and read back: its compressed size and the room file 03 has.</summary>
public sealed record CardEmergencyUpdateResult(CardInfo Info, int CompressedLength, int FileSize);
