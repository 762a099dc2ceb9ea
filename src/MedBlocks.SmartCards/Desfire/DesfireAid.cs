using System.Globalization;

namespace MedBlocks.SmartCards.Desfire;

/// <summary>A 24-bit DESFire application identifier; sent least significant byte first.</summary>
public readonly record struct DesfireAid
{
    public const int Size = 3;

    public DesfireAid(uint value)
    {
        if (value > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An AID has 24 bits.");
        }

        Value = value;
    }

    /// <summary>The card level (AID 000000).</summary>
    public static DesfireAid Picc => default;

    public uint Value { get; }

    public bool IsPicc => Value == 0;

    public static DesfireAid FromWire(ReadOnlySpan<byte> wire)
    {
        if (wire.Length < Size)
        {
            throw new ArgumentException("An AID has 3 bytes.", nameof(wire));
        }

        return new DesfireAid((uint)(wire[0] | (wire[1] << 8) | (wire[2] << 16)));
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)Value;
        destination[1] = (byte)(Value >> 8);
        destination[2] = (byte)(Value >> 16);
    }

    public byte[] ToWire()
    {
        var wire = new byte[Size];
        WriteTo(wire);
        return wire;
    }

    public override string ToString() => Value.ToString("X6", CultureInfo.InvariantCulture);
}
