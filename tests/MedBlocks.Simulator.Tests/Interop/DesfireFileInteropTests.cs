using MedBlocks.SmartCards.Desfire;

namespace MedBlocks.Simulator.Tests.Interop;

/// <summary>Data and record files written and read by the host library on the simulated card.</summary>
public sealed class DesfireFileInteropTests
{
    // Read = key 1, Write = key 2, ReadWrite = key 3, Change = key 0.
    private static readonly AccessRights KeyedRights = new(1, 2, 3, 0);

    public static TheoryData<DesfireCommMode, int> ModesAndLengths()
    {
        var data = new TheoryData<DesfireCommMode, int>();
        foreach (var mode in new[] { DesfireCommMode.Plain, DesfireCommMode.Maced, DesfireCommMode.Enciphered })
        {
            foreach (var length in new[] { 1, 15, 16, 17, 40, 41, 46, 47, 54, 55, 59, 60, 118, 119, 512, 1000, 2048, 3000 })
            {
                data.Add(mode, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModesAndLengths))]
    public async Task StdDataFile_WriteThenRead_SameBytesInEveryModeAndLength(DesfireCommMode mode, int length)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, mode, KeyedRights, 3000);
        var data = InteropCard.Pattern(length, seed: length);

        await card.Session.AuthenticateAsync(2, InteropCard.AppKey(2));
        await card.Session.WriteDataAsync(1, 3000 - length, data, mode);
        Assert.True(card.Session.IsAuthenticated);
        await card.Session.AuthenticateAsync(1, InteropCard.AppKey(1));
        var read = await card.Session.ReadDataAsync(1, 3000 - length, length, mode);

        Assert.Equal(data, read);
        Assert.True(card.Session.IsAuthenticated);
    }

    [Theory]
    [InlineData(DesfireCommMode.Plain)]
    [InlineData(DesfireCommMode.Maced)]
    [InlineData(DesfireCommMode.Enciphered)]
    public async Task StdDataFile_ReadLengthZero_WholeFileIncludingUnwrittenZeros(DesfireCommMode mode)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, mode, KeyedRights, 100);
        await card.OpenApplicationAsync(3);
        await card.Session.WriteDataAsync(1, 10, InteropCard.Pattern(20), mode);

        var read = await card.Session.ReadDataAsync(1, 0, 0, mode);

        byte[] expected = [.. new byte[10], .. InteropCard.Pattern(20), .. new byte[70]];
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task FileSettingsAndIds_ThreeFileKinds_ReportedAsCreated()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.OpenApplicationAsync();
        await card.Session.CreateStdDataFileAsync(1, DesfireCommMode.Plain, KeyedRights, 33);
        await card.Session.CreateBackupDataFileAsync(2, DesfireCommMode.Maced, new AccessRights(0x0E, 2, 3, 0), 64);
        await card.Session.CreateCyclicRecordFileAsync(3, DesfireCommMode.Enciphered, new AccessRights(1, 2, 0x0F, 0), 24, 6);

        Assert.Equal([1, 2, 3], await card.Session.GetFileIdsAsync());
        Assert.Equal(new DesfireDataFileSettings(DesfireFileType.StandardData, DesfireCommMode.Plain, KeyedRights, 33), await card.Session.GetFileSettingsAsync(1));
        Assert.Equal(new DesfireDataFileSettings(DesfireFileType.BackupData, DesfireCommMode.Maced, new AccessRights(0x0E, 2, 3, 0), 64), await card.Session.GetFileSettingsAsync(2));
        Assert.Equal(new DesfireRecordFileSettings(DesfireFileType.CyclicRecord, DesfireCommMode.Enciphered, new AccessRights(1, 2, 0x0F, 0), 24, 6, 0), await card.Session.GetFileSettingsAsync(3));
        Assert.True(card.Session.IsAuthenticated);

        // 4 KB − application (160) − std 33 → 32+64, backup 64 → 32+128, cyclic 6×24=144 → 32+160.
        Assert.Equal(4096 - 160 - 96 - 160 - 192, await card.Session.FreeMemoryAsync());
    }

    [Theory]
    [InlineData(DesfireCommMode.Plain)]
    [InlineData(DesfireCommMode.Maced)]
    [InlineData(DesfireCommMode.Enciphered)]
    public async Task BackupDataFile_CommitAndAbort_OnlyCommittedDataVisible(DesfireCommMode mode)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateBackupDataFileAsync(2, mode, new AccessRights(1, 2, 3, 0), 256);
        await card.OpenApplicationAsync(3);
        var first = InteropCard.Pattern(200, seed: 1);
        var second = InteropCard.Pattern(200, seed: 2);

        await card.Session.WriteDataAsync(2, 0, first, mode);
        Assert.Equal(new byte[200], await card.Session.ReadDataAsync(2, 0, 200, mode));
        await card.Session.CommitTransactionAsync();
        Assert.Equal(first, await card.Session.ReadDataAsync(2, 0, 200, mode));

        await card.Session.WriteDataAsync(2, 0, second, mode);
        await card.Session.AbortTransactionAsync();
        Assert.Equal(first, await card.Session.ReadDataAsync(2, 0, 200, mode));

        await card.Session.WriteDataAsync(2, 0, second, mode);
        await card.Session.CommitTransactionAsync();
        Assert.Equal(second, await card.Session.ReadDataAsync(2, 0, 200, mode));
        Assert.True(card.Session.IsAuthenticated);
    }

    [Theory]
    [InlineData(DesfireCommMode.Plain)]
    [InlineData(DesfireCommMode.Maced)]
    [InlineData(DesfireCommMode.Enciphered)]
    public async Task CyclicRecordFile_WriteCommitRead_NewestRecordsKept(DesfireCommMode mode)
    {
        const int recordSize = 70;
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateCyclicRecordFileAsync(4, mode, new AccessRights(1, 2, 3, 0), recordSize, 4);
        await card.OpenApplicationAsync(3);

        for (var i = 0; i < 5; i++)
        {
            await card.Session.WriteRecordAsync(4, 0, InteropCard.Pattern(recordSize, seed: i), mode);
            await card.Session.CommitTransactionAsync();
        }

        var settings = Assert.IsType<DesfireRecordFileSettings>(await card.Session.GetFileSettingsAsync(4));
        Assert.Equal(3, settings.CurrentRecords);
        var records = await card.Session.ReadRecordsAsync(4, 0, 3, mode, recordSize);

        // A cyclic file of 4 holds 3; the oldest kept comes first.
        byte[] expected = [.. InteropCard.Pattern(recordSize, seed: 2), .. InteropCard.Pattern(recordSize, seed: 3), .. InteropCard.Pattern(recordSize, seed: 4)];
        Assert.Equal(expected, records);

        await card.Session.WriteRecordAsync(4, 10, InteropCard.Pattern(20, seed: 9), mode);
        await card.Session.AbortTransactionAsync();
        Assert.Equal(expected, await card.Session.ReadRecordsAsync(4, 0, 0, mode, recordSize));
    }

    [Theory]
    [InlineData(DesfireCommMode.Plain)]
    [InlineData(DesfireCommMode.Maced)]
    [InlineData(DesfireCommMode.Enciphered)]
    public async Task FreeReadRight_ReadWhileAuthenticatedInReadCommMode_DataAndSessionKept(DesfireCommMode mode)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(5, mode, new AccessRights(AccessRights.Free, 2, 3, 0), 80);
        await card.OpenApplicationAsync(2);
        var data = InteropCard.Pattern(80, seed: 5);
        var settings = await card.Session.GetFileSettingsAsync(5);
        await card.Session.WriteDataAsync(5, 0, data, settings.WriteCommMode);

        var read = await card.Session.ReadDataAsync(5, 0, 80, settings.ReadCommMode);

        Assert.Equal(DesfireCommMode.Plain, settings.ReadCommMode);
        Assert.Equal(mode, settings.WriteCommMode);
        Assert.Equal(data, read);
        Assert.True(card.Session.IsAuthenticated);
        Assert.Equal([5], await card.Session.GetFileIdsAsync());
    }

    [Fact]
    public async Task FreeReadRight_ReadEncipheredFileAsEnciphered_IntegrityErrorNotWrongData()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(5, DesfireCommMode.Enciphered, new AccessRights(AccessRights.Free, 2, 3, 0), 80);
        await card.OpenApplicationAsync(2);

        // The card answers plain data plus the session CMAC; reading it as ciphertext must fail loudly.
        await Assert.ThrowsAsync<DesfireIntegrityException>(() => card.Session.ReadDataAsync(5, 0, 80, DesfireCommMode.Enciphered));
        Assert.False(card.Session.IsAuthenticated);
    }

    [Fact]
    public async Task FreeReadRight_ReadWithoutAuthentication_PlainData()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(5, DesfireCommMode.Enciphered, new AccessRights(AccessRights.Free, 2, 3, 0), 80);
        await card.OpenApplicationAsync(2);
        var data = InteropCard.Pattern(80, seed: 5);
        await card.Session.WriteDataAsync(5, 0, data, DesfireCommMode.Enciphered);
        await card.Session.SelectApplicationAsync(InteropCard.Application);

        Assert.Equal(data, await card.Session.ReadDataAsync(5, 0, 80, DesfireCommMode.Enciphered));
    }

    [Fact]
    public async Task WriteData_KeyWithReadRightOnly_PermissionDenied()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, DesfireCommMode.Enciphered, KeyedRights, 64);
        await card.OpenApplicationAsync(1);

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.WriteDataAsync(1, 0, InteropCard.Pattern(64), DesfireCommMode.Enciphered));

        Assert.Equal(DesfireStatus.PermissionDenied, error.Status);
        Assert.Contains("PERMISSION_DENIED", error.Message, StringComparison.Ordinal);
        Assert.False(card.Session.IsAuthenticated);
    }

    [Fact]
    public async Task ReadData_NotAuthenticated_AuthenticationError()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, DesfireCommMode.Plain, KeyedRights, 64);
        await card.Session.SelectApplicationAsync(InteropCard.Application);

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.ReadDataAsync(1, 0, 10, DesfireCommMode.Plain));

        Assert.Equal(DesfireStatus.AuthenticationError, error.Status);
        Assert.Contains("AUTHENTICATION_ERROR", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DesfireCommMode.Plain)]
    [InlineData(DesfireCommMode.Enciphered)]
    public async Task ReadAndWrite_PastEndOfFile_BoundaryError(DesfireCommMode mode)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, mode, KeyedRights, 64);
        await card.OpenApplicationAsync(3);

        var read = await Assert.ThrowsAsync<DesfireException>(() => card.Session.ReadDataAsync(1, 60, 5, mode));
        Assert.Equal(DesfireStatus.BoundaryError, read.Status);
        Assert.Contains("BOUNDARY_ERROR", read.Message, StringComparison.Ordinal);

        await card.OpenApplicationAsync(3);
        var write = await Assert.ThrowsAsync<DesfireException>(() => card.Session.WriteDataAsync(1, 1, InteropCard.Pattern(64), mode));
        Assert.Equal(DesfireStatus.BoundaryError, write.Status);
    }

    [Fact]
    public async Task ReadData_FileMissing_FileNotFound()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.ReadDataAsync(9, 0, 1, DesfireCommMode.Plain));

        Assert.Equal(DesfireStatus.FileNotFound, error.Status);
    }
}
