using System.Security.Cryptography;
using MedBlocks.Simulator.Desfire.Crypto;

namespace MedBlocks.Simulator.Desfire;

public sealed partial class DesfireCardModel
{
    public const int MaxApplications = 28;

    private DesfireCommandResult GetVersion(byte[] command)
    {
        RequireLength(command, 1);
        var data = new byte[28];
        byte[] hardware = [0x04, 0x01, 0x01, 0x01, 0x00, State.StorageCode, 0x05];
        byte[] software = [0x04, 0x01, 0x01, 0x01, 0x04, State.StorageCode, 0x05];
        hardware.CopyTo(data, 0);
        software.CopyTo(data, 7);

        // With the random UID option the card keeps its real UID to GetCardUID (zeros here, as on NXP cards).
        if (!State.RandomUid)
        {
            State.Uid.CopyTo(data.AsSpan(14));
        }

        State.Batch.CopyTo(data.AsSpan(21));
        data[26] = State.ProductionWeek;
        data[27] = State.ProductionYear;
        return new DesfireCommandResult(data, DesfireResponseProtection.Plain) { LeadingFrames = [7, 7] };
    }

    private DesfireCommandResult GetCardUid(byte[] command)
    {
        RequireLength(command, 1);
        if (_session is null)
        {
            throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        }

        return new DesfireCommandResult(State.Uid.ToArray(), DesfireResponseProtection.Enciphered);
    }

    private DesfireCommandResult FreeMemory(byte[] command)
    {
        RequireLength(command, 1);
        var data = new byte[3];
        WriteUInt24(State.FreeBytes, data);
        return new DesfireCommandResult(data, DesfireResponseProtection.Plain);
    }

    private DesfireCommandResult FormatPicc(byte[] command)
    {
        RequireLength(command, 1);
        if (_selected is not null)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        RequireMaster();
        if (State.FormatDisabled)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        State.Applications.Clear();
        State.UsedBytes = 0;
        _transaction.Clear();
        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult SetConfiguration(byte[] command)
    {
        if (command.Length < 3)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        if (_selected is not null)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        RequireMaster();
        var session = _session!;
        var header = command.AsSpan(0, 2);
        var cryptogram = command.AsSpan(2);
        switch (command[1])
        {
            case 0x00:
            {
                var data = DecipherOrFail(session, header, cryptogram, 1);
                if ((data[0] & 0xFC) != 0)
                {
                    throw new DesfireStatusException(DesfireStatus.ParameterError);
                }

                State.FormatDisabled = (data[0] & 0x01) != 0;

                // Random UID cannot be switched off again once enabled.
                State.RandomUid |= (data[0] & 0x02) != 0;
                break;
            }

            case 0x01:
            {
                var data = DecipherOrFail(session, header, cryptogram, 25);
                State.DefaultKey = data.AsSpan(0, 24).ToArray();
                State.DefaultKeyVersion = data[24];
                CryptographicOperations.ZeroMemory(data);
                break;
            }

            case 0x02:
                State.Ats = DecipherAts(session, header, cryptogram);
                break;
            default:
                throw new DesfireStatusException(DesfireStatus.ParameterError);
        }

        return DesfireCommandResult.Empty;
    }

    // Option 02 is the one enciphered command padded with 80 00..: ATS (TL first) ‖ CRC32 ‖ 80 ‖ 00...
    private static byte[] DecipherAts(DesfireCardSession session, ReadOnlySpan<byte> header, ReadOnlySpan<byte> cryptogram)
    {
        if (cryptogram.Length == 0 || cryptogram.Length % session.BlockSize != 0 || session.IsLegacy)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var plain = session.DecipherRaw(cryptogram);
        var length = plain[0];
        if (length < 1 || length > 20 || length + 5 > plain.Length)
        {
            throw new DesfireStatusException(DesfireStatus.IntegrityError);
        }

        var ats = plain[..length];
        Span<byte> crc = stackalloc byte[4];
        DesfireCrc32.Write(DesfireCrc32.Update(DesfireCrc32.Compute(header), ats), crc);
        var ok = crc.SequenceEqual(plain.AsSpan(length, 4)) && plain[length + 4] == 0x80;
        foreach (var b in plain.AsSpan(length + 5))
        {
            ok &= b == 0;
        }

        return ok ? ats : throw new DesfireStatusException(DesfireStatus.IntegrityError);
    }

    private static byte[] DecipherOrFail(DesfireCardSession session, ReadOnlySpan<byte> header, ReadOnlySpan<byte> cryptogram, int plainLength)
    {
        var crcLength = session.IsLegacy ? 2 : 4;
        if (cryptogram.Length != session.PaddedLength(plainLength + crcLength))
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        return session.DecipherCommand(header, cryptogram, plainLength)
            ?? throw new DesfireStatusException(DesfireStatus.IntegrityError);
    }

    private DesfireCommandResult SelectApplication(byte[] command)
    {
        DropSession();
        _transaction.Clear();
        RequireLength(command, 4);
        var aid = (uint)ReadUInt24(command.AsSpan(1));
        if (aid == 0)
        {
            _selected = null;
        }
        else
        {
            _selected = State.FindApplication(aid) ?? throw new DesfireStatusException(DesfireStatus.ApplicationNotFound);
        }

        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult GetApplicationIds(byte[] command)
    {
        RequireLength(command, 1);
        if (_selected is not null)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        RequireMasterOrFlag(State.PiccKeySettings, 0x02);
        var data = new byte[State.Applications.Count * 3];
        for (var i = 0; i < State.Applications.Count; i++)
        {
            WriteUInt24((int)State.Applications[i].Aid, data.AsSpan(i * 3));
        }

        return new DesfireCommandResult(data, DesfireResponseProtection.Plain);
    }

    private DesfireCommandResult CreateApplication(byte[] command)
    {
        if (_selected is not null)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        RequireMasterOrFlag(State.PiccKeySettings, 0x04);
        if (command.Length < 6)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var aid = (uint)ReadUInt24(command.AsSpan(1));
        var settings = command[4];
        var keyByte = command[5];
        var keyCount = keyByte & 0x0F;
        var iso = (keyByte & 0x20) != 0;
        if (iso ? command.Length is < 8 or > 8 + 16 : command.Length != 6)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        if (aid == 0 || keyCount is 0 or > 14 || (keyByte & 0x10) != 0 || (keyByte & 0xC0) == 0xC0)
        {
            throw new DesfireStatusException(DesfireStatus.ParameterError);
        }

        if (State.Applications.Count >= MaxApplications)
        {
            throw new DesfireStatusException(DesfireStatus.CountError);
        }

        ushort? isoFileId = iso ? (ushort)(command[6] | (command[7] << 8)) : null;
        var dfName = iso ? command[8..] : [];
        if (State.FindApplication(aid) is not null
            || State.Applications.Any(a => (isoFileId is not null && a.IsoFileId == isoFileId)
                || (dfName.Length > 0 && a.DfName.Span.SequenceEqual(dfName))))
        {
            throw new DesfireStatusException(DesfireStatus.DuplicateError);
        }

        Allocate(DesfireMemoryModel.ApplicationCost(keyCount));
        var type = (keyByte & 0xC0) switch
        {
            0x80 => DesfireKeyType.Aes,
            0x40 => DesfireKeyType.ThreeKeyTripleDes,
            _ => DesfireKeyType.TwoKeyTripleDes,
        };
        var keys = Enumerable.Range(0, keyCount).Select(_ => DefaultKeyOf(type));
        State.Applications.Add(new DesfireApplication(aid, settings, type, keys)
        {
            IsoFileId = isoFileId,
            DfName = dfName,
            SupportsIsoFileIds = iso,
        });
        return DesfireCommandResult.Empty;
    }

    private DesfireKey DefaultKeyOf(DesfireKeyType type) =>
        new(type, State.DefaultKey.Span[..DesfireKey.LengthOf(type)], State.DefaultKeyVersion);

    private DesfireCommandResult DeleteApplication(byte[] command)
    {
        RequireLength(command, 4);
        var aid = (uint)ReadUInt24(command.AsSpan(1));
        var application = State.FindApplication(aid) ?? throw new DesfireStatusException(DesfireStatus.ApplicationNotFound);

        // The PICC master key, or the application's own master key while it is selected.
        var allowed = IsMasterAuthenticated && (_selected is null || _selected == application);
        if (!allowed)
        {
            throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        }

        // EV1 does not give the memory of a deleted application back; FormatPICC does.
        State.Applications.Remove(application);
        if (_selected == application)
        {
            _selected = null;
            _transaction.Clear();
            return DesfireCommandResult.Empty with { EndsSession = true };
        }

        return DesfireCommandResult.Empty;
    }

    private void Allocate(int bytes)
    {
        if (bytes > State.FreeBytes)
        {
            throw new DesfireStatusException(DesfireStatus.OutOfEeprom);
        }

        State.UsedBytes += bytes;
    }
}
