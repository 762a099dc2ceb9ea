namespace MedBlocks.Simulator.Desfire;

/// <summary>What a command handler produced, before secure messaging and framing.</summary>
internal sealed record DesfireCommandResult(byte[] Data, DesfireResponseProtection Protection)
{
    public static DesfireCommandResult Empty { get; } = new([], DesfireResponseProtection.Plain);

    /// <summary>The status of the last frame (AF for the first authentication step).</summary>
    public DesfireStatus Status { get; init; } = DesfireStatus.OperationOk;

    /// <summary>The session ends once this response has been protected.</summary>
    public bool EndsSession { get; init; }

    /// <summary>Fixed sizes of the leading frames (GetVersion); otherwise frames hold up to 59 bytes.</summary>
    public int[]? LeadingFrames { get; init; }
}
