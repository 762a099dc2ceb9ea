namespace MedBlocks.SmartCards.Desfire;

/// <summary>Parsed GetVersion answer: hardware, software, UID, batch and production date.</summary>
public sealed record DesfireVersion(DesfireVersionPart Hardware, DesfireVersionPart Software, ReadOnlyMemory<byte> Uid, ReadOnlyMemory<byte> BatchNumber, int ProductionWeek, int ProductionYear)
{
    public const int Length = 28;

    public DesfireProduct Product => Hardware.Major switch
    {
        0x00 => DesfireProduct.Mf3Icd40,
        0x01 => DesfireProduct.Ev1,
        0x12 => DesfireProduct.Ev2,
        0x22 => DesfireProduct.Ev2Xl,
        0x33 => DesfireProduct.Ev3,
        _ => DesfireProduct.Unknown,
    };

    /// <summary>Parses the 28 bytes of the three GetVersion frames concatenated.</summary>
    public static DesfireVersion Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Length)
        {
            throw new DesfireProtocolException($"GetVersion returns {Length} bytes; got {data.Length}.");
        }

        return new DesfireVersion(
            DesfireVersionPart.Parse(data[..7]),
            DesfireVersionPart.Parse(data[7..14]),
            data[14..21].ToArray(),
            data[21..26].ToArray(),
            FromBcd(data[26]),
            2000 + FromBcd(data[27]));
    }

    private static int FromBcd(byte value)
    {
        int high = value >> 4, low = value & 0x0F;
        if (high > 9 || low > 9)
        {
            throw new DesfireProtocolException($"Production date byte {value:X2} is not BCD.");
        }

        return (high * 10) + low;
    }
}
