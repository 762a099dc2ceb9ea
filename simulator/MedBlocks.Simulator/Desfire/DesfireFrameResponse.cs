namespace MedBlocks.Simulator.Desfire;

/// <summary>One native response frame: the data bytes and the status that follows them (SW2).</summary>
public readonly record struct DesfireFrameResponse(DesfireStatus Status, byte[] Data);
