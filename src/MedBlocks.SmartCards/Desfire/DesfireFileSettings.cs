using System.Buffers.Binary;

namespace MedBlocks.SmartCards.Desfire;

/// <summary>Parsed GetFileSettings answer; the derived record says which kind of file it is.</summary>
public abstract record DesfireFileSettings(DesfireFileType FileType, DesfireCommMode CommMode, AccessRights AccessRights)
{
    /// <summary>
    /// The mode reads travel in: plain (with the session CMAC when authenticated) when Read or
    /// ReadWrite is free (E), whatever the file's own mode; otherwise the file's mode.
    /// </summary>
    public DesfireCommMode ReadCommMode =>
        AccessRights.Read == AccessRights.Free || AccessRights.ReadWrite == AccessRights.Free ? DesfireCommMode.Plain : CommMode;

    /// <summary>The mode writes travel in: plain when Write or ReadWrite is free (E), otherwise the file's mode.</summary>
    public DesfireCommMode WriteCommMode =>
        AccessRights.Write == AccessRights.Free || AccessRights.ReadWrite == AccessRights.Free ? DesfireCommMode.Plain : CommMode;

    /// <summary>Parses <c>type comm AR(2) …</c>; extra bytes newer cards append are ignored.</summary>
    public static DesfireFileSettings Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            throw new DesfireProtocolException($"File settings need at least 4 bytes; got {data.Length}.");
        }

        var type = (DesfireFileType)data[0];
        var comm = ParseCommMode(data[1]);
        var rights = AccessRights.FromWire(data[2..4]);
        var rest = data[4..];
        switch (type)
        {
            case DesfireFileType.StandardData or DesfireFileType.BackupData:
                Require(rest, 3, type);
                return new DesfireDataFileSettings(type, comm, rights, ReadUInt24(rest));
            case DesfireFileType.Value:
                Require(rest, 13, type);
                return new DesfireValueFileSettings(
                    comm,
                    rights,
                    BinaryPrimitives.ReadInt32LittleEndian(rest),
                    BinaryPrimitives.ReadInt32LittleEndian(rest[4..]),
                    BinaryPrimitives.ReadInt32LittleEndian(rest[8..]),
                    (rest[12] & 0x01) != 0);
            case DesfireFileType.LinearRecord or DesfireFileType.CyclicRecord:
                Require(rest, 9, type);
                return new DesfireRecordFileSettings(type, comm, rights, ReadUInt24(rest), ReadUInt24(rest[3..]), ReadUInt24(rest[6..]));
            default:
                throw new DesfireProtocolException($"Unknown file type {(byte)type:X2}.");
        }
    }

    /// <summary>00 plain, 01 MACed, 03 enciphered; 02 is treated as plain, as card readers in the field do.</summary>
    public static DesfireCommMode ParseCommMode(byte value) => (value & 0x03) switch
    {
        0x01 => DesfireCommMode.Maced,
        0x03 => DesfireCommMode.Enciphered,
        _ => DesfireCommMode.Plain,
    };

    internal static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);

    private static void Require(ReadOnlySpan<byte> rest, int length, DesfireFileType type)
    {
        if (rest.Length < length)
        {
            throw new DesfireProtocolException($"{type} file settings need {4 + length} bytes; got {4 + rest.Length}.");
        }
    }
}
