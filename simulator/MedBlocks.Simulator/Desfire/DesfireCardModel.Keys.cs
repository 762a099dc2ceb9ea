using System.Security.Cryptography;
using MedBlocks.Simulator.Desfire.Crypto;

namespace MedBlocks.Simulator.Desfire;

public sealed partial class DesfireCardModel
{
    private byte CurrentKeySettings => _selected?.KeySettings ?? State.PiccKeySettings;

    private DesfireCommandResult GetKeySettings(byte[] command)
    {
        RequireLength(command, 1);
        RequireMasterOrFlag(CurrentKeySettings, 0x02);
        byte maxKeys = _selected is null
            ? (byte)(0x01 | DesfireKey.TypeFlag(State.PiccKey.Type))
            : (byte)(_selected.Keys.Length | DesfireKey.TypeFlag(_selected.KeyType));
        return new DesfireCommandResult([CurrentKeySettings, maxKeys], DesfireResponseProtection.Plain);
    }

    private DesfireCommandResult GetKeyVersion(byte[] command)
    {
        RequireLength(command, 2);
        var keyNumber = _selected is null ? command[1] & 0x3F : command[1];
        var key = FindKey(keyNumber) ?? throw new DesfireStatusException(DesfireStatus.NoSuchKey);
        return new DesfireCommandResult([key.Version], DesfireResponseProtection.Plain);
    }

    private DesfireCommandResult ChangeKeySettings(byte[] command)
    {
        if (command.Length < 2)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        RequireMaster();
        if ((CurrentKeySettings & 0x08) == 0)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        var settings = DecipherOrFail(_session!, command.AsSpan(0, 1), command.AsSpan(1), 1)[0];
        if (_selected is null)
        {
            State.PiccKeySettings = settings;
        }
        else
        {
            _selected.KeySettings = settings;
        }

        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult ChangeKey(byte[] command)
    {
        if (command.Length < 3)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var session = _session ?? throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        var keyByte = command[1];
        int keyNumber;
        DesfireKeyType newType;
        if (_selected is null)
        {
            // At PICC level the high bits choose the new key type (0x40 3K3DES, 0x80 AES).
            keyNumber = keyByte & 0x3F;
            newType = (keyByte & 0xC0) switch
            {
                0x80 => DesfireKeyType.Aes,
                0x40 => DesfireKeyType.ThreeKeyTripleDes,
                0x00 => DesfireKeyType.TwoKeyTripleDes,
                _ => throw new DesfireStatusException(DesfireStatus.ParameterError),
            };
            if (keyNumber != 0)
            {
                throw new DesfireStatusException(DesfireStatus.NoSuchKey);
            }
        }
        else
        {
            keyNumber = keyByte;
            newType = _selected.KeyType;
            if (keyNumber >= _selected.Keys.Length)
            {
                throw new DesfireStatusException(DesfireStatus.NoSuchKey);
            }
        }

        AuthorizeKeyChange(session, keyNumber);

        var oldKey = FindKey(keyNumber)!;
        var keyLength = DesfireKey.LengthOf(newType);
        var versionLength = newType == DesfireKeyType.Aes ? 1 : 0;
        var sameKey = keyNumber == session.KeyNumber;
        var crcLength = session.IsLegacy ? 2 : 4;
        var plainLength = keyLength + versionLength + crcLength + (sameKey ? 0 : crcLength);
        var cryptogram = command.AsSpan(2);
        if (cryptogram.Length != session.PaddedLength(plainLength))
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var plain = session.DecipherRaw(cryptogram);
        var newKey = new byte[keyLength];
        try
        {
            var body = plain.AsSpan(0, keyLength + versionLength);
            var ok = CheckCrc(session, command.AsSpan(0, 2), body, plain.AsSpan(body.Length, crcLength));
            body[..keyLength].CopyTo(newKey);
            if (!sameKey)
            {
                // The other key travels XORed with its current value, plus a CRC of the new key itself.
                var old = oldKey.Value;
                for (var i = 0; i < keyLength && i < old.Length; i++)
                {
                    newKey[i] ^= old[i];
                }

                ok &= CheckCrc(session, [], newKey, plain.AsSpan(body.Length + crcLength, crcLength));
            }

            foreach (var b in plain.AsSpan(plainLength))
            {
                ok &= b == 0;
            }

            if (!ok)
            {
                throw new DesfireStatusException(DesfireStatus.IntegrityError);
            }

            var stored = new DesfireKey(newType, newKey, versionLength == 1 ? body[keyLength] : (byte)0);
            if (_selected is null)
            {
                State.PiccKey = stored;
            }
            else
            {
                _selected.Keys[keyNumber] = stored;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(newKey);
        }

        // Changing the key of the session ends it: the answer is a bare 91 00 without CMAC.
        return sameKey
            ? new DesfireCommandResult([], DesfireResponseProtection.Bare) { EndsSession = true }
            : DesfireCommandResult.Empty;
    }

    // EV1: CRC32 over CMD‖KeyNo‖body (the new-key CRC over the key alone); legacy: CRC16 over the body.
    private static bool CheckCrc(DesfireCardSession session, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, ReadOnlySpan<byte> received)
    {
        Span<byte> crc = stackalloc byte[4];
        if (session.IsLegacy)
        {
            DesfireCrc16.Write(DesfireCrc16.Compute(body), crc);
            return CryptographicOperations.FixedTimeEquals(crc[..2], received);
        }

        DesfireCrc32.Write(DesfireCrc32.Update(DesfireCrc32.Compute(prefix), body), crc);
        return CryptographicOperations.FixedTimeEquals(crc, received);
    }

    private void AuthorizeKeyChange(DesfireCardSession session, int keyNumber)
    {
        var settings = CurrentKeySettings;
        if (_selected is null || keyNumber == 0)
        {
            if (session.KeyNumber != 0)
            {
                throw new DesfireStatusException(DesfireStatus.AuthenticationError);
            }

            if ((settings & 0x01) == 0)
            {
                throw new DesfireStatusException(DesfireStatus.PermissionDenied);
            }

            return;
        }

        var changeKey = settings >> 4;
        if (changeKey == 0xF)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        var required = changeKey == 0xE ? keyNumber : changeKey;
        if (session.KeyNumber != required)
        {
            throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        }
    }
}
