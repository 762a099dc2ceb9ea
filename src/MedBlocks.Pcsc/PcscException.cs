using System.Globalization;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Pcsc;

/// <summary>A PC/SC call failed; <see cref="Code"/> is the native result.</summary>
public class PcscException : CardTransportException
{
    public PcscException()
        : this(0x80100014, "PC/SC call")
    {
    }

    public PcscException(string message)
        : base(message)
    {
        Code = 0x80100014;
        CodeName = PcscErrorNames.Of(Code);
    }

    public PcscException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 0x80100014;
        CodeName = PcscErrorNames.Of(Code);
    }

    public PcscException(uint code, string operation)
        : base(Describe(code, operation))
    {
        Code = code;
        CodeName = PcscErrorNames.Of(code);
        Operation = operation;
    }

    /// <summary>The native result code (low 32 bits).</summary>
    public uint Code { get; }

    /// <summary>The C name of <see cref="Code"/>, e.g. SCARD_E_TIMEOUT.</summary>
    public string CodeName { get; }

    /// <summary>The PC/SC function that failed.</summary>
    public string? Operation { get; }

    internal static string Describe(uint code, string operation) =>
        string.Create(CultureInfo.InvariantCulture, $"{operation} failed: {PcscErrorNames.Of(code)} (0x{code:X8}).");
}
