using System.Globalization;

namespace MedBlocks.SmartCards.Desfire;

/// <summary>The card answered a command with an error status.</summary>
public sealed class DesfireException : Exception
{
    public DesfireException()
    {
    }

    public DesfireException(string message)
        : base(message)
    {
    }

    public DesfireException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DesfireException(DesfireStatus status, byte command)
        : base(string.Format(CultureInfo.InvariantCulture, "DESFire command {0:X2} failed with {1} ({2:X2}): {3}.", command, status.ToSpecName(), (byte)status, status.Describe()))
    {
        Status = status;
        Command = command;
    }

    public DesfireStatus Status { get; }

    /// <summary>The native command code (INS) that failed.</summary>
    public byte Command { get; }
}
