namespace MedBlocks.Simulator.Desfire;

/// <summary>
/// The non-volatile state of a card: identity, PICC key and settings, configuration, applications
/// with their committed files, and allocated memory. This is what a card image stores.
/// </summary>
public sealed class DesfireCardState
{
    private readonly byte[] _uid;
    private readonly byte[] _batch;

    public DesfireCardState(DesfireStorageSize storage, ReadOnlySpan<byte> uid, ReadOnlySpan<byte> batch, byte productionWeek, byte productionYear)
    {
        if (uid.Length != 7)
        {
            throw new ArgumentException("A DESFire EV1 UID is 7 bytes.", nameof(uid));
        }

        if (batch.Length != 5)
        {
            throw new ArgumentException("The batch number is 5 bytes.", nameof(batch));
        }

        if (!Enum.IsDefined(storage))
        {
            throw new ArgumentOutOfRangeException(nameof(storage));
        }

        Storage = storage;
        _uid = uid.ToArray();
        _batch = batch.ToArray();
        ProductionWeek = productionWeek;
        ProductionYear = productionYear;
    }

    public DesfireStorageSize Storage { get; }

    public ReadOnlySpan<byte> Uid => _uid;

    public ReadOnlySpan<byte> Batch => _batch;

    /// <summary>BCD week of production (GetVersion).</summary>
    public byte ProductionWeek { get; }

    /// <summary>BCD year of production (GetVersion).</summary>
    public byte ProductionYear { get; }

    /// <summary>Factory state: DES key of zeros, version 0.</summary>
    public DesfireKey PiccKey { get; internal set; } = DesfireKey.Zero(DesfireKeyType.TwoKeyTripleDes);

    /// <summary>Factory state 0x0F.</summary>
    public byte PiccKeySettings { get; internal set; } = 0x0F;

    public bool FormatDisabled { get; internal set; }

    /// <summary>Once enabled (SetConfiguration option 00 bit 1) the card answers anticollision with a random UID.</summary>
    public bool RandomUid { get; internal set; }

    /// <summary>The key that new application keys start with (SetConfiguration option 01); zeros by default.</summary>
    public ReadOnlyMemory<byte> DefaultKey { get; internal set; } = new byte[24];

    public byte DefaultKeyVersion { get; internal set; }

    /// <summary>The ATS the card answers with (SetConfiguration option 02 can change it).</summary>
    public ReadOnlyMemory<byte> Ats { get; internal set; } = new byte[] { 0x06, 0x75, 0x77, 0x81, 0x02, 0x80 };

    public int UsedBytes { get; internal set; }

    public int TotalBytes => (int)Storage;

    public int FreeBytes => TotalBytes - UsedBytes;

    internal List<DesfireApplication> Applications { get; } = [];

    public IReadOnlyList<DesfireApplication> GetApplications() => Applications;

    public DesfireApplication? FindApplication(uint aid) => Applications.Find(a => a.Aid == aid);

    /// <summary>The storage byte of GetVersion: 2^(n/2) bytes.</summary>
    public byte StorageCode => Storage switch
    {
        DesfireStorageSize.TwoKilobytes => 0x16,
        DesfireStorageSize.FourKilobytes => 0x18,
        _ => 0x1A,
    };
}
