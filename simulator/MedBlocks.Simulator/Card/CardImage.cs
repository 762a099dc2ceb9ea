using System.Text.Json;
using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Card;

/// <summary>
/// Mints blank cards and stores a card's non-volatile state as a versioned JSON image. Only
/// committed state exists in <see cref="DesfireCardState"/>, so only committed state is saved.
/// </summary>
public static class CardImage
{
    public const string FormatName = "medblocks-desfire-ev1-image";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// A factory-fresh EV1 card: PICC master key DES zeros (version 0), key settings 0x0F, no
    /// applications. Without <paramref name="uid"/> a random 7-byte NXP UID (first byte 04) is drawn.
    /// </summary>
    public static DesfireCardState NewBlank(DesfireStorageSize storage, ReadOnlySpan<byte> uid = default, ICardRandomSource? random = null)
    {
        random ??= SystemCardRandomSource.Instance;
        var cardUid = new byte[7];
        if (uid.IsEmpty)
        {
            random.Fill(cardUid.AsSpan(1));
            cardUid[0] = 0x04;
        }
        else if (uid.Length == 7)
        {
            uid.CopyTo(cardUid);
        }
        else
        {
            throw new ArgumentException("A DESFire EV1 UID is 7 bytes.", nameof(uid));
        }

        var batch = new byte[5];
        random.Fill(batch);

        // Production week 01 of 2026, BCD as GetVersion reports it.
        return new DesfireCardState(storage, cardUid, batch, 0x01, 0x26);
    }

    public static void Save(DesfireCardState state, string path)
    {
        ArgumentNullException.ThrowIfNull(state);
        File.WriteAllText(path, Serialize(state));
    }

    public static DesfireCardState Load(string path) => Deserialize(File.ReadAllText(path));

    public static string Serialize(DesfireCardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var document = new CardImageDocument
        {
            Format = FormatName,
            Version = CurrentVersion,
            Storage = (int)state.Storage,
            Uid = Convert.ToHexString(state.Uid),
            Batch = Convert.ToHexString(state.Batch),
            ProductionWeek = state.ProductionWeek,
            ProductionYear = state.ProductionYear,
            PiccKey = ToDocument(state.PiccKey),
            PiccKeySettings = state.PiccKeySettings,
            FormatDisabled = state.FormatDisabled,
            RandomUid = state.RandomUid,
            DefaultKey = Convert.ToHexString(state.DefaultKey.Span),
            DefaultKeyVersion = state.DefaultKeyVersion,
            Ats = Convert.ToHexString(state.Ats.Span),
            UsedBytes = state.UsedBytes,
            Applications = state.GetApplications().Select(ToDocument).ToList(),
        };
        return JsonSerializer.Serialize(document, JsonOptions);
    }

    public static DesfireCardState Deserialize(string json)
    {
        CardImageDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CardImageDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new CardImageFormatException("The card image is not valid JSON of the expected shape.", e);
        }

        if (document is null || document.Format != FormatName)
        {
            throw new CardImageFormatException($"Not a {FormatName} document.");
        }

        if (document.Version != CurrentVersion)
        {
            throw new CardImageFormatException($"Card image version {document.Version} is not supported (expected {CurrentVersion}).");
        }

        try
        {
            return FromDocument(document);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CardImageFormatException("The card image holds an invalid value: " + e.Message, e);
        }
    }

    private static DesfireCardState FromDocument(CardImageDocument document)
    {
        var storage = (DesfireStorageSize)document.Storage;
        var state = new DesfireCardState(storage, Convert.FromHexString(document.Uid), Convert.FromHexString(document.Batch), document.ProductionWeek, document.ProductionYear)
        {
            PiccKey = FromDocument(document.PiccKey),
            PiccKeySettings = document.PiccKeySettings,
            FormatDisabled = document.FormatDisabled,
            RandomUid = document.RandomUid,
            DefaultKey = Convert.FromHexString(document.DefaultKey),
            DefaultKeyVersion = document.DefaultKeyVersion,
            Ats = Convert.FromHexString(document.Ats),
            UsedBytes = document.UsedBytes,
        };
        if (state.DefaultKey.Length != 24 || state.Ats.Length is 0 or > 20)
        {
            throw new FormatException("Default key or ATS has the wrong length.");
        }

        if (document.UsedBytes < 0 || document.UsedBytes > state.TotalBytes || document.Applications.Count > DesfireCardModel.MaxApplications)
        {
            throw new FormatException("Used memory or application count out of range.");
        }

        foreach (var app in document.Applications)
        {
            var keys = app.Keys.Select(FromDocument).ToList();
            if (keys.Count is 0 or > 14 || keys.Any(k => k.Type != keys[0].Type))
            {
                throw new FormatException("An application needs 1 to 14 keys of one type.");
            }

            var aid = uint.Parse(app.Aid, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (aid is 0 or > 0xFFFFFF || state.FindApplication(aid) is not null)
            {
                throw new FormatException($"Invalid or duplicate AID {app.Aid}.");
            }

            var application = new DesfireApplication(aid, app.KeySettings, keys[0].Type, keys)
            {
                SupportsIsoFileIds = app.IsoFileIds,
                IsoFileId = app.IsoFileId,
                DfName = app.DfName is null ? ReadOnlyMemory<byte>.Empty : Convert.FromHexString(app.DfName),
            };
            foreach (var file in app.Files)
            {
                var loaded = FromDocument(file);
                if (!application.Files.TryAdd(loaded.FileNumber, loaded))
                {
                    throw new FormatException($"Duplicate file {file.FileNumber}.");
                }
            }

            state.Applications.Add(application);
        }

        return state;
    }

    private static DesfireFile FromDocument(CardImageFileDocument file)
    {
        var rights = new DesfireAccessRights(ushort.Parse(file.AccessRights, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
        if (file.FileNumber >= DesfireCardModel.MaxFiles || file.Communication > 3)
        {
            throw new FormatException($"File {file.FileNumber} has an invalid number or communication mode.");
        }

        DesfireFile loaded;
        switch (file.Type)
        {
            case "standard" or "backup":
            {
                var size = file.Size ?? throw new FormatException("A data file needs a size.");
                if (size is <= 0 or > 0xFFFFFF)
                {
                    throw new FormatException("Data file size out of range.");
                }

                loaded = DesfireFile.CreateData(file.FileNumber, file.Type == "standard" ? DesfireFileType.StandardData : DesfireFileType.BackupData, file.Communication, rights, size);
                loaded.LoadData(Convert.FromHexString(file.Data ?? throw new FormatException("A data file needs its data.")));
                break;
            }

            case "linearRecord" or "cyclicRecord":
            {
                var recordSize = file.RecordSize ?? throw new FormatException("A record file needs a record size.");
                var maxRecords = file.MaxRecords ?? throw new FormatException("A record file needs a maximum record count.");
                var type = file.Type == "linearRecord" ? DesfireFileType.LinearRecord : DesfireFileType.CyclicRecord;
                if (recordSize <= 0 || maxRecords <= 0 || (long)recordSize * maxRecords > 0xFFFFFF)
                {
                    throw new FormatException("Record file dimensions out of range.");
                }

                loaded = DesfireFile.CreateRecord(file.FileNumber, type, file.Communication, rights, recordSize, maxRecords);
                foreach (var record in file.Records ?? [])
                {
                    var bytes = Convert.FromHexString(record);
                    if (bytes.Length != recordSize)
                    {
                        throw new FormatException("A record has the wrong size.");
                    }

                    loaded.Records.Add(bytes);
                }

                if (loaded.Records.Count > loaded.RecordCapacity)
                {
                    throw new FormatException("More records than the file holds.");
                }

                break;
            }

            default:
                throw new FormatException($"Unknown file type '{file.Type}'.");
        }

        loaded.IsoFileId = file.IsoFileId;
        return loaded;
    }

    private static DesfireKey FromDocument(CardImageKeyDocument key)
    {
        var type = key.Type switch
        {
            "2K3DES" => DesfireKeyType.TwoKeyTripleDes,
            "3K3DES" => DesfireKeyType.ThreeKeyTripleDes,
            "AES" => DesfireKeyType.Aes,
            _ => throw new FormatException($"Unknown key type '{key.Type}'."),
        };
        return new DesfireKey(type, Convert.FromHexString(key.Value), key.Version);
    }

    private static CardImageKeyDocument ToDocument(DesfireKey key) => new(
        key.Type switch
        {
            DesfireKeyType.TwoKeyTripleDes => "2K3DES",
            DesfireKeyType.ThreeKeyTripleDes => "3K3DES",
            _ => "AES",
        },
        Convert.ToHexString(key.Value),
        key.Type == DesfireKeyType.Aes ? key.Version : (byte)0);

    private static CardImageApplicationDocument ToDocument(DesfireApplication app) => new()
    {
        Aid = app.Aid.ToString("X6", System.Globalization.CultureInfo.InvariantCulture),
        KeySettings = app.KeySettings,
        Keys = app.Keys.Select(ToDocument).ToList(),
        IsoFileIds = app.SupportsIsoFileIds,
        IsoFileId = app.IsoFileId,
        DfName = app.DfName.IsEmpty ? null : Convert.ToHexString(app.DfName.Span),
        Files = app.Files.Values.Select(ToDocument).ToList(),
    };

    private static CardImageFileDocument ToDocument(DesfireFile file) => new()
    {
        FileNumber = file.FileNumber,
        Type = file.Type switch
        {
            DesfireFileType.StandardData => "standard",
            DesfireFileType.BackupData => "backup",
            DesfireFileType.LinearRecord => "linearRecord",
            _ => "cyclicRecord",
        },
        Communication = file.Communication,
        AccessRights = file.AccessRights.Value.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
        IsoFileId = file.IsoFileId,
        Size = file.IsDataFile ? file.Size : null,
        Data = file.IsDataFile ? Convert.ToHexString(file.Data) : null,
        RecordSize = file.IsRecordFile ? file.RecordSize : null,
        MaxRecords = file.IsRecordFile ? file.MaxRecords : null,
        Records = file.IsRecordFile ? file.Records.Select(r => Convert.ToHexString(r)).ToList() : null,
    };
}
