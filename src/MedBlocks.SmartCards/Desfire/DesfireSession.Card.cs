namespace MedBlocks.SmartCards.Desfire;

public sealed partial class DesfireSession
{
    /// <summary>GetVersion (60, chained over three frames).</summary>
    public async Task<DesfireVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var data = await ExecuteAsync(DesfireCommand.GetVersion, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        return DesfireVersion.Parse(data);
    }

    /// <summary>Free EEPROM in bytes (6E).</summary>
    public async Task<int> FreeMemoryAsync(CancellationToken cancellationToken = default)
    {
        var data = await ExecuteAsync(DesfireCommand.FreeMemory, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        if (data.Length != 3)
        {
            throw new DesfireProtocolException($"FreeMemory returns 3 bytes; got {data.Length}.");
        }

        return DesfireFileSettings.ReadUInt24(data);
    }

    /// <summary>The real UID (51); needs authentication, the answer is enciphered. Works on random-UID cards.</summary>
    public async Task<byte[]> GetCardUidAsync(CancellationToken cancellationToken = default)
    {
        RequireChannel("GetCardUID");
        return await ExecuteAsync(DesfireCommand.GetCardUid, default, default, DesfireCommMode.Plain, ResponseProtection.Enciphered, cancellationToken);
    }

    /// <summary>
    /// SetConfiguration (5C), always enciphered: option 00 flags, 01 default key, 02 ATS
    /// (the ATS option pads with 0x80 as the card expects).
    /// </summary>
    public async Task SetConfigurationAsync(byte option, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var channel = RequireChannel("SetConfiguration");
        var header = new[] { option };
        byte[] payload = [.. header, .. channel.EncipherCommandData(DesfireCommand.SetConfiguration, header, data.Span, option == 0x02 ? (byte)0x80 : (byte)0x00)];
        await SendProtectedAsync(DesfireCommand.SetConfiguration, payload, ResponseProtection.Maced, null, cancellationToken);
    }

    /// <summary>SetConfiguration option 00: disable FormatPICC (irreversible) and/or enable random UID (irreversible).</summary>
    public Task SetPiccConfigurationAsync(bool disableFormat, bool enableRandomUid, CancellationToken cancellationToken = default)
    {
        var flags = (byte)((disableFormat ? 0x01 : 0x00) | (enableRandomUid ? 0x02 : 0x00));
        return SetConfigurationAsync(0x00, new[] { flags }, cancellationToken);
    }

    /// <summary>FormatPICC (FC): deletes every application; needs the PICC master key.</summary>
    public async Task FormatPiccAsync(CancellationToken cancellationToken = default) =>
        await ExecuteAsync(DesfireCommand.FormatPicc, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
}
