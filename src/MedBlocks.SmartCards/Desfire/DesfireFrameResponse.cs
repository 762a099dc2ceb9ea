namespace MedBlocks.SmartCards.Desfire;

/// <summary>The data of all frames of one answer and the final native status.</summary>
public readonly record struct DesfireFrameResponse(DesfireStatus Status, ReadOnlyMemory<byte> Data);
