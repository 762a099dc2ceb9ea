namespace MedBlocks.Simulator.Desfire;

public sealed partial class DesfireCardModel
{
    private const int DataHeaderLength = 8;

    /// <summary>
    /// The total length of a WriteData/WriteRecord command, which the reader may split over several
    /// frames: the card knows it from the header, the file's communication mode and the session.
    /// </summary>
    private int ExpectedCommandLength(ReadOnlySpan<byte> frame)
    {
        if (frame[0] is not (0x3D or 0x3B) || frame.Length < DataHeaderLength || _selected is null
            || !_selected.Files.TryGetValue(frame[1], out var file))
        {
            return 0;
        }

        DesfireCommMode mode;
        try
        {
            mode = Authorize(file, file.AccessRights.Write, file.AccessRights.ReadWrite);
        }
        catch (DesfireStatusException)
        {
            return 0;
        }

        var length = ReadUInt24(frame[5..]);
        return DataHeaderLength + WireLength(mode, length);
    }

    private int WireLength(DesfireCommMode mode, int length) => mode switch
    {
        DesfireCommMode.Maced => length + _session!.MacLength,
        DesfireCommMode.Enciphered => _session!.PaddedLength(length + (_session.IsLegacy ? 2 : 4)),
        _ => length,
    };

    /// <summary>
    /// Checks the access rights for an operation and returns its communication mode: plain when a
    /// right is free (E), the file's mode when the session key holds a right.
    /// </summary>
    private DesfireCommMode Authorize(DesfireFile file, int right, int otherRight)
    {
        if (right == DesfireAccessRights.Free || otherRight == DesfireAccessRights.Free)
        {
            return DesfireCommMode.Plain;
        }

        if (_session is not null && (_session.KeyNumber == right || _session.KeyNumber == otherRight))
        {
            return file.Mode;
        }

        if (right == DesfireAccessRights.Never && otherRight == DesfireAccessRights.Never)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        throw new DesfireStatusException(_session is null ? DesfireStatus.AuthenticationError : DesfireStatus.PermissionDenied);
    }

    private static DesfireResponseProtection ProtectionOf(DesfireCommMode mode) => mode switch
    {
        DesfireCommMode.Maced => DesfireResponseProtection.Maced,
        DesfireCommMode.Enciphered => DesfireResponseProtection.Enciphered,
        _ => DesfireResponseProtection.Plain,
    };

    private (DesfireFile File, int Offset, int Length) ParseDataHeader(byte[] command, bool exact)
    {
        if (exact ? command.Length != DataHeaderLength : command.Length < DataHeaderLength)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var file = FindFile(RequireApplication(), command[1]);
        return (file, ReadUInt24(command.AsSpan(2)), ReadUInt24(command.AsSpan(5)));
    }

    private DesfireCommandResult ReadData(byte[] command)
    {
        var (file, offset, length) = ParseDataHeader(command, exact: true);
        if (!file.IsDataFile)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        var mode = Authorize(file, file.AccessRights.Read, file.AccessRights.ReadWrite);
        if (offset >= file.Size)
        {
            throw new DesfireStatusException(DesfireStatus.BoundaryError);
        }

        if (length == 0)
        {
            length = file.Size - offset;
        }

        if ((long)offset + length > file.Size)
        {
            throw new DesfireStatusException(DesfireStatus.BoundaryError);
        }

        // Backup files read their committed content until CommitTransaction.
        return new DesfireCommandResult(file.Data.AsSpan(offset, length).ToArray(), ProtectionOf(mode));
    }

    private DesfireCommandResult WriteData(byte[] command)
    {
        var (file, offset, length) = ParseDataHeader(command, exact: false);
        if (!file.IsDataFile)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        var mode = Authorize(file, file.AccessRights.Write, file.AccessRights.ReadWrite);
        var data = ReceiveWrittenData(command, mode, length);
        if ((long)offset + length > file.Size)
        {
            throw new DesfireStatusException(DesfireStatus.BoundaryError);
        }

        if (file.Type == DesfireFileType.StandardData)
        {
            data.CopyTo(file.Data, offset);
        }
        else
        {
            var pending = PendingFor(file);
            pending.Shadow ??= (byte[])file.Data.Clone();
            data.CopyTo(pending.Shadow, offset);
        }

        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult WriteRecord(byte[] command)
    {
        var (file, offset, length) = ParseDataHeader(command, exact: false);
        if (!file.IsRecordFile)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        var mode = Authorize(file, file.AccessRights.Write, file.AccessRights.ReadWrite);
        var data = ReceiveWrittenData(command, mode, length);
        if ((long)offset + length > file.RecordSize)
        {
            throw new DesfireStatusException(DesfireStatus.BoundaryError);
        }

        _transaction.TryGetValue(file.FileNumber, out var existing);
        if (existing is { Cleared: true })
        {
            // A cleared record file takes no new record before the clear is committed (libfreefare tests).
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        if (existing?.NewRecord is null && file.Type == DesfireFileType.LinearRecord && file.Records.Count >= file.RecordCapacity)
        {
            throw new DesfireStatusException(DesfireStatus.BoundaryError);
        }

        // All WriteRecord commands of one transaction fill the same new record.
        var pending = PendingFor(file);
        pending.NewRecord ??= new byte[file.RecordSize];
        data.CopyTo(pending.NewRecord, offset);
        return DesfireCommandResult.Empty;
    }

    private byte[] ReceiveWrittenData(byte[] command, DesfireCommMode mode, int length)
    {
        if (length == 0 || command.Length - DataHeaderLength != WireLength(mode, length))
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        switch (mode)
        {
            case DesfireCommMode.Maced:
            {
                var macLength = _session!.MacLength;
                if (!_session.VerifyCommandMac(command.AsSpan(0, command.Length - macLength), DataHeaderLength, command.AsSpan(command.Length - macLength)))
                {
                    throw new DesfireStatusException(DesfireStatus.IntegrityError);
                }

                return command[DataHeaderLength..^macLength];
            }

            case DesfireCommMode.Enciphered:
                return DecipherOrFail(_session!, command.AsSpan(0, DataHeaderLength), command.AsSpan(DataHeaderLength), length);
            default:
                _session?.AcceptPlainCommand(command);
                return command[DataHeaderLength..];
        }
    }

    private DesfireCommandResult ReadRecords(byte[] command)
    {
        var (file, offset, count) = ParseDataHeader(command, exact: true);
        if (!file.IsRecordFile)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        var mode = Authorize(file, file.AccessRights.Read, file.AccessRights.ReadWrite);
        var current = file.Records.Count;
        if (offset >= current)
        {
            throw new DesfireStatusException(DesfireStatus.BoundaryError);
        }

        if (count == 0)
        {
            count = current - offset;
        }

        if ((long)offset + count > current)
        {
            throw new DesfireStatusException(DesfireStatus.BoundaryError);
        }

        // Offset counts back from the newest record; the records come out oldest first.
        var first = current - offset - count;
        var data = file.Records.Skip(first).Take(count).SelectMany(r => r).ToArray();
        return new DesfireCommandResult(data, ProtectionOf(mode));
    }

    private DesfireCommandResult ClearRecordFile(byte[] command)
    {
        RequireLength(command, 2);
        var file = FindFile(RequireApplication(), command[1]);
        if (!file.IsRecordFile)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }

        Authorize(file, file.AccessRights.ReadWrite, file.AccessRights.ReadWrite);
        var pending = PendingFor(file);
        pending.Cleared = true;
        pending.NewRecord = null;
        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult CommitTransaction(byte[] command)
    {
        RequireLength(command, 1);
        var application = RequireApplication();
        foreach (var (fileNumber, pending) in _transaction)
        {
            if (!application.Files.TryGetValue(fileNumber, out var file))
            {
                continue;
            }

            if (pending.Shadow is not null)
            {
                pending.Shadow.CopyTo(file.Data, 0);
            }

            if (pending.Cleared)
            {
                file.Records.Clear();
            }

            if (pending.NewRecord is not null)
            {
                file.Records.Add(pending.NewRecord);

                // A full cyclic file overwrites its oldest record.
                while (file.Records.Count > file.RecordCapacity)
                {
                    file.Records.RemoveAt(0);
                }
            }
        }

        _transaction.Clear();
        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult AbortTransaction(byte[] command)
    {
        RequireLength(command, 1);
        RequireApplication();
        _transaction.Clear();
        return DesfireCommandResult.Empty;
    }

    private PendingFileChange PendingFor(DesfireFile file)
    {
        if (!_transaction.TryGetValue(file.FileNumber, out var pending))
        {
            pending = new PendingFileChange();
            _transaction.Add(file.FileNumber, pending);
        }

        return pending;
    }
}
