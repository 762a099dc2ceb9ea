namespace MedBlocks.SmartCards.Iso7816;

/// <summary>The two status bytes SW1 SW2 that end every response APDU.</summary>
public readonly record struct StatusWord(ushort Value)
{
    public static readonly StatusWord Success = new(0x9000);
    public static readonly StatusWord WrongLength = new(0x6700);
    public static readonly StatusWord SecurityStatusNotSatisfied = new(0x6982);
    public static readonly StatusWord ConditionsNotSatisfied = new(0x6985);
    public static readonly StatusWord FunctionNotSupported = new(0x6A81);
    public static readonly StatusWord FileNotFound = new(0x6A82);
    public static readonly StatusWord IncorrectP1P2 = new(0x6A86);
    public static readonly StatusWord InstructionNotSupported = new(0x6D00);
    public static readonly StatusWord ClassNotSupported = new(0x6E00);

    /// <summary>DESFire native status OK wrapped in ISO 7816 (SW1 = 91).</summary>
    public static readonly StatusWord DesfireOk = new(0x9100);

    /// <summary>DESFire "additional frame": more data follows or is expected.</summary>
    public static readonly StatusWord DesfireAdditionalFrame = new(0x91AF);

    public StatusWord(byte sw1, byte sw2)
        : this((ushort)((sw1 << 8) | sw2))
    {
    }

    public byte Sw1 => (byte)(Value >> 8);

    public byte Sw2 => (byte)Value;

    public override string ToString() => Value.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
