using System.Buffers.Binary;
using System.Security.Cryptography;
using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Desfire;

public sealed partial class DesfireSession
{
    /// <summary>GetKeySettings (45).</summary>
    public async Task<DesfireKeySettings> GetKeySettingsAsync(CancellationToken cancellationToken = default)
    {
        var data = await ExecuteAsync(DesfireCommand.GetKeySettings, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        return DesfireKeySettings.Parse(data);
    }

    /// <summary>ChangeKeySettings (54), enciphered; needs the master key of the level.</summary>
    public async Task ChangeKeySettingsAsync(byte keySettings, CancellationToken cancellationToken = default)
    {
        RequireChannel("ChangeKeySettings");
        await ExecuteAsync(DesfireCommand.ChangeKeySettings, default, new[] { keySettings }, DesfireCommMode.Enciphered, ResponseProtection.Maced, cancellationToken);
    }

    /// <summary>GetKeyVersion (64).</summary>
    public async Task<byte> GetKeyVersionAsync(byte keyNumber, CancellationToken cancellationToken = default)
    {
        CheckKeyNumber(keyNumber);
        var data = await ExecuteAsync(DesfireCommand.GetKeyVersion, new[] { keyNumber }, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        if (data.Length != 1)
        {
            throw new DesfireProtocolException($"GetKeyVersion returns 1 byte; got {data.Length}.");
        }

        return data[0];
    }

    /// <summary>
    /// ChangeKey (C4). Changing the key this session authenticated with sends the new key itself and
    /// ends the session; changing another key sends new⊕current plus a CRC of the new key, so
    /// <paramref name="currentKey"/> is required then. At the PICC level the key number gets |80 for
    /// an AES and |40 for a 3K3DES new key, which also lets a DES factory key be replaced by AES.
    /// </summary>
    public async Task ChangeKeyAsync(byte keyNumber, DesfireKey newKey, DesfireKey? currentKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        CheckKeyNumber(keyNumber);
        var channel = RequireChannel("ChangeKey");
        var wireKeyNumber = keyNumber;
        if (SelectedApplication.IsPicc)
        {
            wireKeyNumber |= newKey.Type switch
            {
                DesfireKeyType.Aes => 0x80,
                DesfireKeyType.ThreeKey3Des => 0x40,
                _ => 0x00,
            };
        }

        var sameKey = keyNumber == AuthenticatedKeyNumber;
        var newBytes = newKey.ToChangeKeyBytes();
        byte[]? currentBytes = null;
        byte[]? plain = null;
        try
        {
            var keyData = newBytes;
            if (!sameKey)
            {
                if (currentKey is null)
                {
                    throw new ArgumentNullException(nameof(currentKey), "Changing a key other than the authenticated one needs its current value.");
                }

                currentBytes = currentKey.ToChangeKeyBytes();
                if (currentBytes.Length != newBytes.Length)
                {
                    throw new ArgumentException("The current and new keys must have the same length.", nameof(currentKey));
                }

                keyData = new byte[newBytes.Length];
                for (var i = 0; i < keyData.Length; i++)
                {
                    keyData[i] = (byte)(newBytes[i] ^ currentBytes[i]);
                }
            }

            var versionLength = newKey.Type == DesfireKeyType.Aes ? 1 : 0;
            plain = new byte[keyData.Length + versionLength + DesfireCrc32.Size + (sameKey ? 0 : DesfireCrc32.Size)];
            keyData.CopyTo(plain, 0);
            if (versionLength == 1)
            {
                plain[keyData.Length] = newKey.Version;
            }

            var covered = keyData.Length + versionLength;
            var crc = DesfireCrc32.Update(DesfireCrc32.Update(0xFFFFFFFF, [DesfireCommand.ChangeKey, wireKeyNumber]), plain.AsSpan(0, covered));
            BinaryPrimitives.WriteUInt32LittleEndian(plain.AsSpan(covered), crc);
            if (!sameKey)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(plain.AsSpan(covered + DesfireCrc32.Size), DesfireCrc32.Compute(newBytes));
                CryptographicOperations.ZeroMemory(keyData);
            }

            byte[] payload = [wireKeyNumber, .. channel.EncipherPadded(plain)];
            await SendProtectedAsync(DesfireCommand.ChangeKey, payload, sameKey ? ResponseProtection.None : ResponseProtection.Maced, null, cancellationToken);
            if (sameKey)
            {
                EndSession();
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(newBytes);
            if (currentBytes is not null)
            {
                CryptographicOperations.ZeroMemory(currentBytes);
            }

            if (plain is not null)
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
    }
}
