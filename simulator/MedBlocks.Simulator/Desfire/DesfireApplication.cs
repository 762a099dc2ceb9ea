namespace MedBlocks.Simulator.Desfire;

/// <summary>An application: its keys, key settings and files.</summary>
public sealed class DesfireApplication
{
    public DesfireApplication(uint aid, byte keySettings, DesfireKeyType keyType, IEnumerable<DesfireKey> keys)
    {
        Aid = aid;
        KeySettings = keySettings;
        KeyType = keyType;
        Keys = keys.ToArray();
    }

    /// <summary>The 24-bit application identifier (sent LSB first).</summary>
    public uint Aid { get; }

    public byte KeySettings { get; internal set; }

    public DesfireKeyType KeyType { get; }

    internal DesfireKey[] Keys { get; }

    public int KeyCount => Keys.Length;

    public ushort? IsoFileId { get; internal set; }

    /// <summary>The ISO DF name, when given at creation.</summary>
    public ReadOnlyMemory<byte> DfName { get; internal set; }

    public bool SupportsIsoFileIds { get; internal set; }

    internal SortedDictionary<byte, DesfireFile> Files { get; } = [];

    public DesfireKey GetKey(int keyNumber) => Keys[keyNumber];

    public IReadOnlyCollection<DesfireFile> GetFiles() => Files.Values;
}
