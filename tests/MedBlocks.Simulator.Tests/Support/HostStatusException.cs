namespace MedBlocks.Simulator.Tests.Support;

/// <summary>The card answered a test host's command with an error status.</summary>
internal sealed class HostStatusException : Exception
{
    public HostStatusException(byte status)
        : base($"Card status 0x{status:X2}.")
    {
        Status = status;
    }

    public HostStatusException()
    {
    }

    public HostStatusException(string message)
        : base(message)
    {
    }

    public HostStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public byte Status { get; }
}
