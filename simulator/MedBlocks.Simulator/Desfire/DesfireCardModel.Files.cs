namespace MedBlocks.Simulator.Desfire;

public sealed partial class DesfireCardModel
{
    public const int MaxFiles = 32;

    private const int MaxFileSize = 0xFFFFFF;

    private DesfireCommandResult GetFileIds(byte[] command)
    {
        RequireLength(command, 1);
        var application = RequireApplication();
        RequireMasterOrFlag(application.KeySettings, 0x02);
        return new DesfireCommandResult(application.Files.Keys.ToArray(), DesfireResponseProtection.Plain);
    }

    private DesfireCommandResult GetFileSettings(byte[] command)
    {
        RequireLength(command, 2);
        var application = RequireApplication();
        RequireMasterOrFlag(application.KeySettings, 0x02);
        var file = FindFile(application, command[1]);
        var data = new byte[file.IsDataFile ? 7 : 13];
        data[0] = (byte)file.Type;
        data[1] = file.Communication;
        data[2] = (byte)file.AccessRights.Value;
        data[3] = (byte)(file.AccessRights.Value >> 8);
        if (file.IsDataFile)
        {
            WriteUInt24(file.Size, data.AsSpan(4));
        }
        else
        {
            WriteUInt24(file.RecordSize, data.AsSpan(4));
            WriteUInt24(file.MaxRecords, data.AsSpan(7));
            WriteUInt24(file.Records.Count, data.AsSpan(10));
        }

        return new DesfireCommandResult(data, DesfireResponseProtection.Plain);
    }

    private DesfireCommandResult ChangeFileSettings(byte[] command)
    {
        if (command.Length < 2)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var application = RequireApplication();
        var file = FindFile(application, command[1]);
        var change = file.AccessRights.Change;
        byte[] settings;
        if (change == DesfireAccessRights.Free)
        {
            RequireLength(command, 5);
            _session?.AcceptPlainCommand(command);
            settings = command[2..];
        }
        else if (change == DesfireAccessRights.Never)
        {
            throw new DesfireStatusException(DesfireStatus.PermissionDenied);
        }
        else
        {
            if (_session is null)
            {
                throw new DesfireStatusException(DesfireStatus.AuthenticationError);
            }

            if (_session.KeyNumber != change)
            {
                throw new DesfireStatusException(DesfireStatus.PermissionDenied);
            }

            settings = DecipherOrFail(_session, command.AsSpan(0, 2), command.AsSpan(2), 3);
        }

        if (settings[0] > 0x03)
        {
            throw new DesfireStatusException(DesfireStatus.ParameterError);
        }

        file.Communication = settings[0];
        file.AccessRights = new DesfireAccessRights((ushort)(settings[1] | (settings[2] << 8)));
        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult CreateDataFile(byte[] command, DesfireFileType type)
    {
        var (application, fileNumber, isoFileId, communication, rights, parameters) = ParseCreateFile(command, 3);
        var size = ReadUInt24(parameters.Span);
        if (size == 0)
        {
            throw new DesfireStatusException(DesfireStatus.ParameterError);
        }

        RequireNewFile(application, fileNumber, isoFileId);
        Allocate(DesfireMemoryModel.DataFileCost(type, size));
        var file = DesfireFile.CreateData(fileNumber, type, communication, rights, size);
        file.IsoFileId = isoFileId;
        application.Files.Add(fileNumber, file);
        return DesfireCommandResult.Empty;
    }

    private DesfireCommandResult CreateRecordFile(byte[] command, DesfireFileType type)
    {
        var (application, fileNumber, isoFileId, communication, rights, parameters) = ParseCreateFile(command, 6);
        var recordSize = ReadUInt24(parameters.Span);
        var maxRecords = ReadUInt24(parameters.Span[3..]);
        var minimumRecords = type == DesfireFileType.CyclicRecord ? 2 : 1;
        if (recordSize == 0 || maxRecords < minimumRecords || (long)recordSize * maxRecords > MaxFileSize)
        {
            throw new DesfireStatusException(DesfireStatus.ParameterError);
        }

        RequireNewFile(application, fileNumber, isoFileId);
        Allocate(DesfireMemoryModel.RecordFileCost(type, recordSize, maxRecords));
        var file = DesfireFile.CreateRecord(fileNumber, type, communication, rights, recordSize, maxRecords);
        file.IsoFileId = isoFileId;
        application.Files.Add(fileNumber, file);
        return DesfireCommandResult.Empty;
    }

    /// <summary>Parses CMD FileNo [ISO FID(2)] Comm AR(2) parameters, checking the caller may create files.</summary>
    private (DesfireApplication Application, byte FileNumber, ushort? IsoFileId, byte Communication, DesfireAccessRights Rights, ReadOnlyMemory<byte> Parameters)
        ParseCreateFile(byte[] command, int parameterLength)
    {
        var application = RequireApplication();
        RequireMasterOrFlag(application.KeySettings, 0x04);
        var plainLength = 5 + parameterLength;
        var withIso = application.SupportsIsoFileIds && command.Length == plainLength + 2;
        if (command.Length != plainLength && !withIso)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var offset = withIso ? 4 : 2;
        ushort? isoFileId = withIso ? (ushort)(command[2] | (command[3] << 8)) : null;
        var fileNumber = command[1];
        var communication = command[offset];
        if (fileNumber >= MaxFiles || communication > 0x03)
        {
            throw new DesfireStatusException(DesfireStatus.ParameterError);
        }

        var rights = new DesfireAccessRights((ushort)(command[offset + 1] | (command[offset + 2] << 8)));
        return (application, fileNumber, isoFileId, communication, rights, command.AsMemory(offset + 3));
    }

    private static void RequireNewFile(DesfireApplication application, byte fileNumber, ushort? isoFileId)
    {
        if (application.Files.ContainsKey(fileNumber)
            || (isoFileId is not null && application.Files.Values.Any(f => f.IsoFileId == isoFileId)))
        {
            throw new DesfireStatusException(DesfireStatus.DuplicateError);
        }
    }

    private DesfireCommandResult DeleteFile(byte[] command)
    {
        RequireLength(command, 2);
        var application = RequireApplication();
        RequireMasterOrFlag(application.KeySettings, 0x04);
        var file = FindFile(application, command[1]);

        // EV1 keeps the deleted file's memory allocated until FormatPICC.
        application.Files.Remove(file.FileNumber);
        _transaction.Remove(file.FileNumber);
        return DesfireCommandResult.Empty;
    }

    private static DesfireFile FindFile(DesfireApplication application, byte fileNumber)
    {
        if (fileNumber >= MaxFiles)
        {
            throw new DesfireStatusException(DesfireStatus.ParameterError);
        }

        return application.Files.TryGetValue(fileNumber, out var file)
            ? file
            : throw new DesfireStatusException(DesfireStatus.FileNotFound);
    }
}
