namespace MedBlocks.SmartCards.Iso7816;

/// <summary>
/// An immutable ISO 7816-4 command APDU. Ne is the number of response bytes expected:
/// 0 means none (no Le field), 256 is the short maximum (Le = 00), 65536 the extended maximum.
/// </summary>
public sealed class CommandApdu
{
    public const int MaxShortData = 255;
    public const int MaxShortNe = 256;
    public const int MaxExtendedData = 65535;
    public const int MaxExtendedNe = 65536;

    public CommandApdu(byte cla, byte ins, byte p1, byte p2, ReadOnlyMemory<byte> data = default, int ne = 0)
    {
        if (data.Length > MaxExtendedData)
        {
            throw new ApduFormatException($"Command data of {data.Length} bytes exceeds the extended limit of {MaxExtendedData}.");
        }

        if (ne is < 0 or > MaxExtendedNe)
        {
            throw new ApduFormatException($"Ne {ne} is outside 0..{MaxExtendedNe}.");
        }

        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        Data = data;
        Ne = ne;
    }

    public byte Cla { get; }

    public byte Ins { get; }

    public byte P1 { get; }

    public byte P2 { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public int Ne { get; }

    /// <summary>True when short encoding can carry this command.</summary>
    public bool FitsShortEncoding => Data.Length <= MaxShortData && Ne <= MaxShortNe;

    /// <summary>Short encoding when it fits, extended otherwise.</summary>
    public byte[] Encode() => FitsShortEncoding ? EncodeShort() : EncodeExtended();

    /// <summary>Cases 1, 2S, 3S, 4S: one-byte Lc (1..255) and Le (00 means 256).</summary>
    public byte[] EncodeShort()
    {
        if (!FitsShortEncoding)
        {
            throw new ApduFormatException($"Data {Data.Length} / Ne {Ne} do not fit short encoding (max {MaxShortData} / {MaxShortNe}).");
        }

        var length = 4 + (Data.IsEmpty ? 0 : 1 + Data.Length) + (Ne == 0 ? 0 : 1);
        var apdu = new byte[length];
        var offset = WriteHeader(apdu);
        if (!Data.IsEmpty)
        {
            apdu[offset++] = (byte)Data.Length;
            Data.Span.CopyTo(apdu.AsSpan(offset));
            offset += Data.Length;
        }

        if (Ne != 0)
        {
            apdu[offset] = (byte)(Ne == MaxShortNe ? 0 : Ne);
        }

        return apdu;
    }

    /// <summary>Cases 2E, 3E, 4E: 00 then two-byte Lc; two-byte Le (0000 means 65536), prefixed by 00 only without Lc.</summary>
    public byte[] EncodeExtended()
    {
        if (Data.IsEmpty && Ne == 0)
        {
            // Case 1 has no length fields and thus no extended form.
            return EncodeShort();
        }

        var length = 4 + 1 + (Data.IsEmpty ? 0 : 2 + Data.Length) + (Ne == 0 ? 0 : 2);
        var apdu = new byte[length];
        var offset = WriteHeader(apdu);
        apdu[offset++] = 0;
        if (!Data.IsEmpty)
        {
            apdu[offset++] = (byte)(Data.Length >> 8);
            apdu[offset++] = (byte)Data.Length;
            Data.Span.CopyTo(apdu.AsSpan(offset));
            offset += Data.Length;
        }

        if (Ne != 0)
        {
            var le = Ne == MaxExtendedNe ? 0 : Ne;
            apdu[offset++] = (byte)(le >> 8);
            apdu[offset] = (byte)le;
        }

        return apdu;
    }

    private int WriteHeader(Span<byte> apdu)
    {
        apdu[0] = Cla;
        apdu[1] = Ins;
        apdu[2] = P1;
        apdu[3] = P2;
        return 4;
    }
}
