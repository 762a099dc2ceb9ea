namespace MedBlocks.Pcsc;

/// <summary>One entry of an SCardGetStatusChange call, in managed form.</summary>
public sealed class PcscReaderState
{
    /// <summary>The special reader name that reports readers being attached and detached.</summary>
    public const string PnpNotification = @"\\?PnP?\Notification";

    public PcscReaderState(string readerName, ReaderStates currentState = ReaderStates.Unaware)
    {
        ArgumentNullException.ThrowIfNull(readerName);
        ReaderName = readerName;
        CurrentState = currentState;
    }

    public string ReaderName { get; }

    /// <summary>What the caller believes; feed the last <see cref="EventState"/> back here.</summary>
    public ReaderStates CurrentState { get; set; }

    /// <summary>What the service reports after the call.</summary>
    public ReaderStates EventState { get; set; }

    /// <summary>The ATR reported with <see cref="EventState"/> (empty when no card).</summary>
    public ReadOnlyMemory<byte> Atr { get; set; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>Moves the last event state into the current state, as the PC/SC contract requires.</summary>
    public void Acknowledge() => CurrentState = EventState;
}
