namespace MedBlocks.Simulator.Desfire;

/// <summary>Ends command processing with a DESFire error status, as the card answers it.</summary>
internal sealed class DesfireStatusException : Exception
{
    public DesfireStatusException(DesfireStatus status)
        : base($"DESFire status 0x{(byte)status:X2} ({status}).")
    {
        Status = status;
    }

    public DesfireStatusException()
        : this(DesfireStatus.IllegalCommand)
    {
    }

    public DesfireStatusException(string message)
        : base(message)
    {
        Status = DesfireStatus.IllegalCommand;
    }

    public DesfireStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = DesfireStatus.IllegalCommand;
    }

    public DesfireStatus Status { get; }
}
