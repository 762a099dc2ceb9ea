namespace MedBlocks.SmartCards.Desfire;

/// <summary>Guards on response chaining, so a faulty or hostile card cannot keep the host reading forever.</summary>
public sealed record DesfireFramingOptions
{
    public static DesfireFramingOptions Default { get; } = new();

    /// <summary>Largest total response data accepted for one command (all frames).</summary>
    public int MaxResponseLength { get; init; } = 64 * 1024;

    /// <summary>Largest number of response frames accepted for one command.</summary>
    public int MaxResponseFrames { get; init; } = 1200;

    internal void Validate()
    {
        if (MaxResponseLength < DesfireFrameTransport.MaxResponseDataPerFrame || MaxResponseFrames < 1)
        {
            throw new ArgumentException($"Framing limits must allow at least one full frame ({DesfireFrameTransport.MaxResponseDataPerFrame} bytes).");
        }
    }
}
