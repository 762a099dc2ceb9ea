using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire;

/// <summary>Backup and record files change only on CommitTransaction; standard files write through.</summary>
public sealed class DesfireCardModelTransactionTests
{
    /// <summary>App 000001 (1 AES key, free create) with free-access files: 01 std 8, 02 backup 8, 03 cyclic 4×4, 04 linear 4×2.</summary>
    private static (SimulatedDesfireCard Card, DesfireTestHost Host) Prepared()
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(), DesfireKeyType.Aes, new byte[16]);
        host.Expect(0xCD, Hex.Bytes("01 00 EEEE 080000"));
        host.Expect(0xCB, Hex.Bytes("02 00 EEEE 080000"));
        host.Expect(0xC0, Hex.Bytes("03 00 EEEE 040000 040000"));
        host.Expect(0xC1, Hex.Bytes("04 00 EEEE 040000 020000"));
        return (card, host);
    }

    private static byte[] Read(DesfireTestHost host, byte file) => host.Expect(0xBD, [file, 0, 0, 0, 0, 0, 0]);

    private static void Write(DesfireTestHost host, byte file, string data)
    {
        var bytes = Hex.Bytes(data);
        host.Expect(0x3D, [file, 0, 0, 0, (byte)bytes.Length, 0, 0, .. bytes]);
    }

    private static void AppendRecord(DesfireTestHost host, byte file, string data)
    {
        var bytes = Hex.Bytes(data);
        host.Expect(0x3B, [file, 0, 0, 0, (byte)bytes.Length, 0, 0, .. bytes]);
    }

    private static byte[] Records(DesfireTestHost host, byte file, int offset = 0, int count = 0) =>
        host.Expect(0xBB, [file, (byte)offset, 0, 0, (byte)count, 0, 0]);

    [Fact]
    public void WriteData_StandardFile_WritesThrough()
    {
        var (_, host) = Prepared();
        Write(host, 1, "0102030405060708");
        host.Expect(0xA7, []);
        Assert.Equal("0102030405060708", Hex.Of(Read(host, 1)));
    }

    [Fact]
    public void WriteData_BackupFile_VisibleOnlyAfterCommit()
    {
        var (_, host) = Prepared();
        Write(host, 2, "0102030405060708");
        Assert.Equal("0000000000000000", Hex.Of(Read(host, 2)));

        host.Expect(0xC7, []);

        Assert.Equal("0102030405060708", Hex.Of(Read(host, 2)));
    }

    [Fact]
    public void WriteData_BackupFileThenAbort_OldContent()
    {
        var (_, host) = Prepared();
        Write(host, 2, "1111111111111111");
        host.Expect(0xC7, []);
        Write(host, 2, "2222222222222222");
        host.Expect(0xA7, []);
        host.Expect(0xC7, []);
        Assert.Equal("1111111111111111", Hex.Of(Read(host, 2)));
    }

    [Fact]
    public void WriteData_BackupFileThenSelectApplication_RolledBack()
    {
        var (_, host) = Prepared();
        Write(host, 2, "2222222222222222");
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xC7, []);
        Assert.Equal("0000000000000000", Hex.Of(Read(host, 2)));
    }

    [Fact]
    public void WriteData_BackupFileThenPowerLoss_RolledBack()
    {
        var (card, host) = Prepared();
        Write(host, 2, "2222222222222222");
        AppendRecord(host, 3, "AABBCCDD");
        card.Reset();
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xC7, []);
        Assert.Equal("0000000000000000", Hex.Of(Read(host, 2)));
        Assert.Empty(card.State.FindApplication(1)!.GetFiles().Single(f => f.FileNumber == 3).GetRecords());
    }

    [Fact]
    public void Error_DuringTransaction_AbortsIt()
    {
        var (_, host) = Prepared();
        Write(host, 2, "2222222222222222");
        Assert.Equal(0xF0, host.Exchange(0xBD, Hex.Bytes("09 000000 000000")).Status);
        host.Expect(0xC7, []);
        Assert.Equal("0000000000000000", Hex.Of(Read(host, 2)));
    }

    [Fact]
    public void WriteRecord_SeveralWritesInOneTransaction_FillOneRecord()
    {
        var (_, host) = Prepared();
        host.Expect(0x3B, Hex.Bytes("03 020000 020000 3031"));
        host.Expect(0x3B, Hex.Bytes("03 000000 020000 722E"));
        host.Expect(0xC7, []);
        Assert.Equal("722E3031", Hex.Of(Records(host, 3)));
    }

    [Fact]
    public void ReadRecords_EmptyFile_BoundaryError()
    {
        var (_, host) = Prepared();
        Assert.Equal(0xBE, host.Exchange(0xBB, Hex.Bytes("03 000000 000000")).Status);
    }

    [Fact]
    public void WriteRecord_CyclicFileFull_OverwritesOldest()
    {
        var (card, host) = Prepared();
        foreach (var record in new[] { "01010101", "02020202", "03030303", "04040404", "05050505" })
        {
            AppendRecord(host, 3, record);
            host.Expect(0xC7, []);
        }

        // A cyclic file of 4 records keeps 3: one slot receives the record being written.
        Assert.Equal("030303030404040405050505", Hex.Of(Records(host, 3)));
        Assert.Equal("05050505", Hex.Of(Records(host, 3, 0, 1)));
        Assert.Equal("03030303", Hex.Of(Records(host, 3, 2, 1)));
        Assert.Equal("0303030304040404", Hex.Of(Records(host, 3, 1, 0)));
        Assert.Equal("0400EEEE040000040000030000", Hex.Of(host.Expect(0xF5, [3])));
        Assert.Equal(3, card.State.FindApplication(1)!.GetFiles().Single(f => f.FileNumber == 3).GetRecords().Count);
    }

    [Fact]
    public void WriteRecord_LinearFileFull_BoundaryError()
    {
        var (_, host) = Prepared();
        AppendRecord(host, 4, "01010101");
        host.Expect(0xC7, []);
        AppendRecord(host, 4, "02020202");
        host.Expect(0xC7, []);
        Assert.Equal(0xBE, host.Exchange(0x3B, Hex.Bytes("04 000000 010000 03")).Status);
    }

    [Fact]
    public void ClearRecordFile_Committed_EmptiesFileAndBlocksWriteUntilCommit()
    {
        var (_, host) = Prepared();
        AppendRecord(host, 4, "01010101");
        host.Expect(0xC7, []);
        host.Expect(0xEB, [4]);
        Assert.Equal(0x9D, host.Exchange(0x3B, Hex.Bytes("04 000000 010000 03")).Status);

        host.Expect(0xEB, [4]);
        host.Expect(0xC7, []);

        Assert.Equal(0xBE, host.Exchange(0xBB, Hex.Bytes("04 000000 000000")).Status);
    }

    [Fact]
    public void WriteRecord_PastRecordSize_BoundaryError()
    {
        var (_, host) = Prepared();
        Assert.Equal(0xBE, host.Exchange(0x3B, Hex.Bytes("03 030000 020000 0102")).Status);
    }
}
