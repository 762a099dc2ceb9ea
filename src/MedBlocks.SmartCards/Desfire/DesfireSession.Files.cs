namespace MedBlocks.SmartCards.Desfire;

public sealed partial class DesfireSession
{
    /// <summary>GetFileIDs (6F).</summary>
    public async Task<IReadOnlyList<byte>> GetFileIdsAsync(CancellationToken cancellationToken = default) =>
        await ExecuteAsync(DesfireCommand.GetFileIds, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);

    /// <summary>GetFileSettings (F5).</summary>
    public async Task<DesfireFileSettings> GetFileSettingsAsync(byte fileNumber, CancellationToken cancellationToken = default)
    {
        CheckFileNumber(fileNumber);
        var data = await ExecuteAsync(DesfireCommand.GetFileSettings, new[] { fileNumber }, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        return DesfireFileSettings.Parse(data);
    }

    /// <summary>CreateStdDataFile (CD): <c>FileNo Comm AR(2) Size(3)</c>.</summary>
    public Task CreateStdDataFileAsync(byte fileNumber, DesfireCommMode commMode, AccessRights accessRights, int size, CancellationToken cancellationToken = default) =>
        CreateDataFileAsync(DesfireCommand.CreateStdDataFile, fileNumber, commMode, accessRights, size, cancellationToken);

    /// <summary>CreateBackupDataFile (CB): like a standard file, changed only by CommitTransaction.</summary>
    public Task CreateBackupDataFileAsync(byte fileNumber, DesfireCommMode commMode, AccessRights accessRights, int size, CancellationToken cancellationToken = default) =>
        CreateDataFileAsync(DesfireCommand.CreateBackupDataFile, fileNumber, commMode, accessRights, size, cancellationToken);

    /// <summary>CreateCyclicRecordFile (C0): <c>FileNo Comm AR(2) RecordSize(3) MaxRecords(3)</c>.</summary>
    public Task CreateCyclicRecordFileAsync(byte fileNumber, DesfireCommMode commMode, AccessRights accessRights, int recordSize, int maxRecords, CancellationToken cancellationToken = default) =>
        CreateRecordFileAsync(DesfireCommand.CreateCyclicRecordFile, fileNumber, commMode, accessRights, recordSize, maxRecords, cancellationToken);

    /// <summary>CreateLinearRecordFile (C1).</summary>
    public Task CreateLinearRecordFileAsync(byte fileNumber, DesfireCommMode commMode, AccessRights accessRights, int recordSize, int maxRecords, CancellationToken cancellationToken = default) =>
        CreateRecordFileAsync(DesfireCommand.CreateLinearRecordFile, fileNumber, commMode, accessRights, recordSize, maxRecords, cancellationToken);

    /// <summary>DeleteFile (DF).</summary>
    public async Task DeleteFileAsync(byte fileNumber, CancellationToken cancellationToken = default)
    {
        CheckFileNumber(fileNumber);
        await ExecuteAsync(DesfireCommand.DeleteFile, new[] { fileNumber }, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
    }

    /// <summary>
    /// ReadData (BD). <paramref name="length"/> 0 reads to the end of the file. Reads longer than the
    /// framing limit are split into several ReadData commands. <paramref name="commMode"/> is the mode
    /// the answer travels in (<see cref="DesfireFileSettings.ReadCommMode"/>): a free read right makes it plain.
    /// </summary>
    public async Task<byte[]> ReadDataAsync(byte fileNumber, int offset, int length, DesfireCommMode commMode, CancellationToken cancellationToken = default)
    {
        CheckFileNumber(fileNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            return await ReadChunkAsync(DesfireCommand.ReadData, fileNumber, offset, 0, commMode, null, cancellationToken);
        }

        var chunkLimit = ReadChunkLimit;
        if (length <= chunkLimit)
        {
            return await ReadChunkAsync(DesfireCommand.ReadData, fileNumber, offset, length, commMode, length, cancellationToken);
        }

        var result = new byte[length];
        for (var done = 0; done < length; done += chunkLimit)
        {
            var part = Math.Min(chunkLimit, length - done);
            var chunk = await ReadChunkAsync(DesfireCommand.ReadData, fileNumber, offset + done, part, commMode, part, cancellationToken);
            if (chunk.Length != part)
            {
                throw new DesfireProtocolException($"ReadData returned {chunk.Length} bytes for {part} requested.");
            }

            chunk.CopyTo(result, done);
        }

        return result;
    }

    /// <summary>WriteData (3D), any length (chained in frames). Backup files need CommitTransaction afterwards.</summary>
    public Task WriteDataAsync(byte fileNumber, int offset, ReadOnlyMemory<byte> data, DesfireCommMode commMode, CancellationToken cancellationToken = default) =>
        WriteAsync(DesfireCommand.WriteData, fileNumber, offset, data, commMode, cancellationToken);

    /// <summary>WriteRecord (3B) at <paramref name="offset"/> within a new record; needs CommitTransaction afterwards.</summary>
    public Task WriteRecordAsync(byte fileNumber, int offset, ReadOnlyMemory<byte> data, DesfireCommMode commMode, CancellationToken cancellationToken = default) =>
        WriteAsync(DesfireCommand.WriteRecord, fileNumber, offset, data, commMode, cancellationToken);

    /// <summary>
    /// ReadRecords (BB): <paramref name="count"/> records starting <paramref name="offset"/> records back from
    /// the newest (count 0 = all). Give <paramref name="recordSize"/> so an enciphered answer's CRC is checked at its exact place.
    /// </summary>
    public Task<byte[]> ReadRecordsAsync(byte fileNumber, int offset, int count, DesfireCommMode commMode, int? recordSize = null, CancellationToken cancellationToken = default)
    {
        CheckFileNumber(fileNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int? expected = count > 0 && recordSize is { } size ? count * size : null;
        return ReadChunkAsync(DesfireCommand.ReadRecords, fileNumber, offset, count, commMode, expected, cancellationToken);
    }

    /// <summary>CommitTransaction (C7): makes backup, value and record file changes of this application permanent.</summary>
    public async Task CommitTransactionAsync(CancellationToken cancellationToken = default) =>
        await ExecuteAsync(DesfireCommand.CommitTransaction, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);

    /// <summary>AbortTransaction (A7): drops uncommitted changes.</summary>
    public async Task AbortTransactionAsync(CancellationToken cancellationToken = default) =>
        await ExecuteAsync(DesfireCommand.AbortTransaction, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);

    // Room for CRC, padding and MAC within one command's answer limit.
    private int ReadChunkLimit => _framing.MaxResponseLength - 32;

    private async Task<byte[]> ReadChunkAsync(byte command, byte fileNumber, int offset, int length, DesfireCommMode commMode, int? expectedLength, CancellationToken cancellationToken)
    {
        byte[] header = [fileNumber, .. UInt24(offset), .. UInt24(length)];
        var protection = commMode == DesfireCommMode.Enciphered ? ResponseProtection.Enciphered : ResponseProtection.Maced;
        return await ExecuteAsync(command, header, default, DesfireCommMode.Plain, protection, cancellationToken, expectedLength);
    }

    private async Task WriteAsync(byte command, byte fileNumber, int offset, ReadOnlyMemory<byte> data, DesfireCommMode commMode, CancellationToken cancellationToken)
    {
        CheckFileNumber(fileNumber);
        if (data.IsEmpty)
        {
            throw new ArgumentException("Nothing to write.", nameof(data));
        }

        byte[] header = [fileNumber, .. UInt24(offset), .. UInt24(data.Length)];
        await ExecuteAsync(command, header, data, commMode, ResponseProtection.Maced, cancellationToken);
    }

    private async Task CreateDataFileAsync(byte command, byte fileNumber, DesfireCommMode commMode, AccessRights accessRights, int size, CancellationToken cancellationToken)
    {
        CheckFileNumber(fileNumber);
        var header = new byte[7];
        header[0] = fileNumber;
        header[1] = (byte)commMode;
        accessRights.WriteTo(header.AsSpan(2));
        UInt24(size).CopyTo(header, 4);
        await ExecuteAsync(command, header, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
    }

    private async Task CreateRecordFileAsync(byte command, byte fileNumber, DesfireCommMode commMode, AccessRights accessRights, int recordSize, int maxRecords, CancellationToken cancellationToken)
    {
        CheckFileNumber(fileNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(recordSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        var header = new byte[10];
        header[0] = fileNumber;
        header[1] = (byte)commMode;
        accessRights.WriteTo(header.AsSpan(2));
        UInt24(recordSize).CopyTo(header, 4);
        UInt24(maxRecords).CopyTo(header, 7);
        await ExecuteAsync(command, header, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
    }
}
