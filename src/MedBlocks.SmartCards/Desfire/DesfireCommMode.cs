namespace MedBlocks.SmartCards.Desfire;

/// <summary>How a file's data travels once authenticated.</summary>
#pragma warning disable CA1028 // The wire value is one byte.
public enum DesfireCommMode : byte
#pragma warning restore CA1028
{
    Plain = 0x00,
    Maced = 0x01,
    Enciphered = 0x03,
}
