namespace MedBlocks.Simulator.Desfire;

/// <summary>
/// One file of an application with its committed content. Data files hold <see cref="Data"/>;
/// record files hold committed records, oldest first.
/// </summary>
public sealed class DesfireFile
{
    private DesfireFile(byte fileNumber, DesfireFileType type, byte communication, DesfireAccessRights accessRights)
    {
        FileNumber = fileNumber;
        Type = type;
        Communication = communication;
        AccessRights = accessRights;
    }

    public byte FileNumber { get; }

    public DesfireFileType Type { get; }

    /// <summary>The communication settings byte as created (00 plain, 01 MACed, 03 enciphered; 02 acts as plain).</summary>
    public byte Communication { get; internal set; }

    public DesfireAccessRights AccessRights { get; internal set; }

    /// <summary>The ISO file identifier, when the application was created with ISO identifiers.</summary>
    public ushort? IsoFileId { get; internal set; }

    /// <summary>Size in bytes of a data file.</summary>
    public int Size { get; private init; }

    public int RecordSize { get; private init; }

    public int MaxRecords { get; private init; }

    /// <summary>Committed content of a data file.</summary>
    internal byte[] Data { get; private init; } = [];

    /// <summary>Committed records, oldest first.</summary>
    internal List<byte[]> Records { get; } = [];

    public bool IsDataFile => Type is DesfireFileType.StandardData or DesfireFileType.BackupData;

    public bool IsRecordFile => Type is DesfireFileType.LinearRecord or DesfireFileType.CyclicRecord;

    /// <summary>How many records the file can hold: a cyclic file keeps one slot for the record being written.</summary>
    public int RecordCapacity => Type == DesfireFileType.CyclicRecord ? MaxRecords - 1 : MaxRecords;

    internal DesfireCommMode Mode => (Communication & 0x03) switch
    {
        0x01 => DesfireCommMode.Maced,
        0x03 => DesfireCommMode.Enciphered,
        _ => DesfireCommMode.Plain,
    };

    public static DesfireFile CreateData(byte fileNumber, DesfireFileType type, byte communication, DesfireAccessRights accessRights, int size)
    {
        if (type is not (DesfireFileType.StandardData or DesfireFileType.BackupData))
        {
            throw new ArgumentOutOfRangeException(nameof(type));
        }

        return new DesfireFile(fileNumber, type, communication, accessRights) { Size = size, Data = new byte[size] };
    }

    public static DesfireFile CreateRecord(byte fileNumber, DesfireFileType type, byte communication, DesfireAccessRights accessRights, int recordSize, int maxRecords)
    {
        if (type is not (DesfireFileType.LinearRecord or DesfireFileType.CyclicRecord))
        {
            throw new ArgumentOutOfRangeException(nameof(type));
        }

        return new DesfireFile(fileNumber, type, communication, accessRights) { RecordSize = recordSize, MaxRecords = maxRecords };
    }

    /// <summary>Replaces the committed content of a data file (card images).</summary>
    internal void LoadData(ReadOnlySpan<byte> content)
    {
        if (content.Length != Size)
        {
            throw new ArgumentException("The content must be exactly the file size.", nameof(content));
        }

        content.CopyTo(Data);
    }

    /// <summary>A copy of the committed data of a data file.</summary>
    public byte[] GetData() => (byte[])Data.Clone();

    /// <summary>Copies of the committed records, oldest first.</summary>
    public IReadOnlyList<byte[]> GetRecords() => Records.Select(r => (byte[])r.Clone()).ToList();
}
