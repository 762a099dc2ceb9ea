using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire;

/// <summary>What a real card refuses, the simulator refuses with the same status.</summary>
public sealed class DesfireCardModelRejectionTests
{
    private static readonly byte[] Zero = new byte[16];

    /// <summary>App 000001: 3 AES keys (zeros), settings 0x0F; file 01: std, plain, Read=1 Write=2 RW=F Change=0, 32 bytes.</summary>
    private static (SimulatedDesfireCard Card, DesfireTestHost Host) Prepared()
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(), DesfireKeyType.Aes, Zero, Zero, Zero);
        host.Expect(0xCD, Hex.Bytes("01 00 F012 200000"));
        return (card, host);
    }

    private static byte Status(DesfireTestHost host, byte cmd, string data) => host.Exchange(cmd, Hex.Bytes(data)).Status;

    [Fact]
    public void Authenticate_WrongKey_AuthenticationError()
    {
        var (_, host) = Prepared();
        var e = Assert.Throws<HostStatusException>(() => host.AuthenticateAes(0, Hex.Bytes("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), Hex.Sequence(1, 16)));
        Assert.Equal(0xAE, e.Status);
    }

    [Theory]
    [InlineData(0x0A)]
    [InlineData(0x1A)]
    public void Authenticate_DesCommandOnAesKey_AuthenticationError(byte command)
    {
        var (_, host) = Prepared();
        Assert.Equal(0xAE, Status(host, command, "00"));
    }

    [Fact]
    public void Authenticate_AesCommandOnFactoryDesKey_AuthenticationError()
    {
        Assert.Equal(0xAE, Status(new DesfireTestHost(CardFactory.Blank()), 0xAA, "00"));
    }

    [Fact]
    public void Authenticate_KeyBeyondApplication_NoSuchKey()
    {
        var (_, host) = Prepared();
        Assert.Equal(0x40, Status(host, 0xAA, "03"));
    }

    [Fact]
    public void GetKeyVersion_KeyBeyondApplication_NoSuchKey()
    {
        var (_, host) = Prepared();
        Assert.Equal(0x40, Status(host, 0x64, "05"));
    }

    [Fact]
    public void ReadData_NotAuthenticated_AuthenticationError()
    {
        var (_, host) = Prepared();
        Assert.Equal(0xAE, Status(host, 0xBD, "01 000000 000000"));
    }

    [Fact]
    public void ReadData_AuthenticatedWithOtherKey_PermissionDenied()
    {
        var (_, host) = Prepared();
        host.AuthenticateAes(2, Zero, Hex.Sequence(1, 16));
        Assert.Equal(0x9D, Status(host, 0xBD, "01 000000 000000"));
    }

    [Fact]
    public void WriteData_RightsNever_PermissionDenied()
    {
        var (_, host) = Prepared();
        host.Expect(0xCD, Hex.Bytes("02 00 FFEF 200000"));
        Assert.Equal(0x9D, Status(host, 0x3D, "02 000000 010000 AA"));
    }

    [Fact]
    public void ReadData_WithReadKey_Succeeds()
    {
        var (_, host) = Prepared();
        host.AuthenticateAes(1, Zero, Hex.Sequence(1, 16));
        Assert.Equal(new byte[32], host.Plain(0xBD, Hex.Bytes("01 000000 000000")));
    }

    [Theory]
    [InlineData("01 200000 010000")]
    [InlineData("01 1F0000 020000")]
    [InlineData("01 000000 210000")]
    public void ReadData_PastEndOfFile_BoundaryError(string parameters)
    {
        var (_, host) = Prepared();
        host.AuthenticateAes(1, Zero, Hex.Sequence(1, 16));
        host.Plain(0x6F);
        Assert.Equal(0xBE, Status(host, 0xBD, parameters));
    }

    [Fact]
    public void WriteData_PastEndOfFile_BoundaryError()
    {
        var (_, host) = Prepared();
        host.Expect(0xCD, Hex.Bytes("02 00 EEEE 040000"));
        Assert.Equal(0xBE, Status(host, 0x3D, "02 030000 020000 AABB"));
    }

    [Fact]
    public void WriteData_LengthFieldDisagreesWithData_LengthError()
    {
        var (_, host) = Prepared();
        host.Expect(0xCD, Hex.Bytes("02 00 EEEE 040000"));
        Assert.Equal(0x7E, Status(host, 0x3D, "02 000000 010000 AABB"));
    }

    [Fact]
    public void CreateApplication_Duplicate_DuplicateError()
    {
        var (_, host) = Prepared();
        host.Expect(0x5A, Hex.Bytes("000000"));
        Assert.Equal(0xDE, Status(host, 0xCA, "010000 0F 81"));
    }

    [Fact]
    public void CreateStdDataFile_Duplicate_DuplicateError()
    {
        var (_, host) = Prepared();
        Assert.Equal(0xDE, Status(host, 0xCD, "01 00 EEEE 100000"));
    }

    [Fact]
    public void SelectApplication_Missing_ApplicationNotFound()
    {
        var (_, host) = Prepared();
        Assert.Equal(0xA0, Status(host, 0x5A, "030201"));
    }

    [Theory]
    [InlineData(0xBD, "07 000000 000000")]
    [InlineData(0xF5, "07")]
    [InlineData(0xDF, "07")]
    public void FileCommand_MissingFile_FileNotFound(byte command, string parameters)
    {
        var (_, host) = Prepared();
        Assert.Equal(0xF0, Status(host, command, parameters));
    }

    [Theory]
    [InlineData(0x6E, "00")]
    [InlineData(0x5A, "0100")]
    [InlineData(0x60, "00")]
    [InlineData(0xF5, "")]
    [InlineData(0xBD, "01 000000 0000")]
    [InlineData(0xCD, "03 00 EEEE 1000")]
    public void Command_WrongLength_LengthError(byte command, string parameters)
    {
        var (_, host) = Prepared();
        Assert.Equal(0x7E, Status(host, command, parameters));
    }

    [Theory]
    [InlineData("020000 0F 80")]
    [InlineData("020000 0F 8F")]
    [InlineData("000000 0F 81")]
    [InlineData("020000 0F C1")]
    public void CreateApplication_BadParameters_ParameterError(string parameters)
    {
        var host = new DesfireTestHost(CardFactory.Blank());
        Assert.Equal(0x9E, Status(host, 0xCA, parameters));
    }

    [Theory]
    [InlineData(0xCD, "20 00 EEEE 100000")]
    [InlineData(0xCD, "03 04 EEEE 100000")]
    [InlineData(0xCD, "03 00 EEEE 000000")]
    [InlineData(0xC0, "03 00 EEEE 100000 010000")]
    [InlineData(0xC1, "03 00 EEEE 000000 050000")]
    public void CreateFile_BadParameters_ParameterError(byte command, string parameters)
    {
        var (_, host) = Prepared();
        Assert.Equal(0x9E, Status(host, command, parameters));
    }

    [Fact]
    public void CreateStdDataFile_LargerThanFreeMemory_OutOfEeprom()
    {
        var card = CardFactory.Blank(size: DesfireStorageSize.TwoKilobytes);
        var host = new DesfireTestHost(card);
        host.Expect(0xCA, Hex.Bytes("010000 0F 81"));
        host.Expect(0x5A, Hex.Bytes("010000"));
        Assert.Equal(0x0E, Status(host, 0xCD, "01 00 EEEE 000800"));
    }

    [Theory]
    [InlineData(0x99)]
    [InlineData(0xCC)]
    [InlineData(0x6C)]
    public void UnknownOrUnmodelledCommand_IllegalCommand(byte command)
    {
        var (_, host) = Prepared();
        Assert.Equal(0x1C, Status(host, command, "01"));
    }

    [Fact]
    public void CreateApplication_29th_CountError()
    {
        var card = CardFactory.Blank(size: DesfireStorageSize.EightKilobytes);
        var host = new DesfireTestHost(card);
        for (var i = 1; i <= 28; i++)
        {
            host.Expect(0xCA, [(byte)i, 0x00, 0x00, 0x0F, 0x01]);
        }

        Assert.Equal(0xCE, Status(host, 0xCA, "1D0000 0F 01"));
    }

    [Fact]
    public void GetFileIds_ListingNotFreeAndNotAuthenticated_AuthenticationError()
    {
        var (card, host) = Prepared();
        card.State.FindApplication(1)!.KeySettings = 0x09;
        Assert.Equal(0xAE, Status(host, 0x6F, ""));
    }

    [Fact]
    public void CreateStdDataFile_CreateNotFreeAndNotAuthenticated_AuthenticationError()
    {
        var (card, host) = Prepared();
        card.State.FindApplication(1)!.KeySettings = 0x0B;
        Assert.Equal(0xAE, Status(host, 0xCD, "02 00 EEEE 100000"));
    }

    [Fact]
    public void CreateApplication_PiccCreateNotFreeAndNotAuthenticated_AuthenticationError()
    {
        var card = CardFactory.Blank();
        card.State.PiccKeySettings = 0x0B;
        Assert.Equal(0xAE, Status(new DesfireTestHost(card), 0xCA, "020000 0F 81"));
    }

    [Fact]
    public void ChangeKey_KeysFrozen_PermissionDenied()
    {
        var (card, host) = Prepared();
        card.State.FindApplication(1)!.KeySettings = 0xFF;
        host.AuthenticateAes(0, Zero, Hex.Sequence(1, 16));
        var e = Assert.Throws<HostStatusException>(() => host.ChangeKey(1, Hex.Sequence(1, 16), 1, Zero));
        Assert.Equal(0x9D, e.Status);
    }

    [Fact]
    public void ChangeKey_NotAuthenticatedWithChangeKey_AuthenticationError()
    {
        var (_, host) = Prepared();
        host.AuthenticateAes(2, Zero, Hex.Sequence(1, 16));
        var e = Assert.Throws<HostStatusException>(() => host.ChangeKey(1, Hex.Sequence(1, 16), 1, Zero));
        Assert.Equal(0xAE, e.Status);
    }

    [Fact]
    public void ChangeKey_OtherKeyWithWrongOldKey_IntegrityErrorAndKeyKept()
    {
        var (card, host) = Prepared();
        host.AuthenticateAes(0, Zero, Hex.Sequence(1, 16));
        var e = Assert.Throws<HostStatusException>(() => host.ChangeKey(1, Hex.Sequence(1, 16), 1, Hex.Sequence(50, 65)));
        Assert.Equal(0x1E, e.Status);
        Assert.Equal(Zero, card.State.FindApplication(1)!.GetKey(1).Value.ToArray());
        Assert.Null(card.Model.AuthenticatedKeyNumber);
    }

    [Fact]
    public void WriteData_MacedWithBadCmac_IntegrityErrorAndSessionDropped()
    {
        var (card, host) = Prepared();
        host.Expect(0xCD, Hex.Bytes("02 01 0000 100000"));
        host.AuthenticateAes(0, Zero, Hex.Sequence(1, 16));

        var reply = host.Transmit(DesfireTestHost.Wrap(0x3D, Hex.Bytes("02 000000 040000 01020304 0011223344556677")));

        Assert.Equal("911E", Hex.Of(reply));
        Assert.Null(card.Model.AuthenticatedKeyNumber);
        Assert.Equal(new byte[16], card.State.FindApplication(1)!.GetFiles().Single(f => f.FileNumber == 2).GetData());
    }

    [Fact]
    public void WriteData_EncipheredWithBadCrc_IntegrityError()
    {
        var (card, host) = Prepared();
        host.Expect(0xCD, Hex.Bytes("02 03 0000 100000"));
        host.AuthenticateAes(0, Zero, Hex.Sequence(1, 16));
        var cryptogram = host.EncipherCommandData(0x3D, Hex.Bytes("02 000000 040000"), [9, 9, 9, 8]);
        cryptogram[^1] ^= 0x40;

        var reply = host.Transmit(DesfireTestHost.Wrap(0x3D, [.. Hex.Bytes("02 000000 040000"), .. cryptogram]));

        Assert.Equal("911E", Hex.Of(reply));
        Assert.Null(card.Model.AuthenticatedKeyNumber);
    }

    [Fact]
    public void Error_EndsSession_NextResponseWithoutCmac()
    {
        var (_, host) = Prepared();
        host.AuthenticateAes(0, Zero, Hex.Sequence(1, 16));
        Assert.Equal(0xF0, Status(host, 0xF5, "09"));

        Assert.Equal("01", Hex.Of(host.Expect(0x6F, [])));
    }

    [Fact]
    public void FormatPicc_FormatDisabledBySetConfiguration_PermissionDenied()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        host.WriteEnciphered(0x5C, [0x00], [0x01]);
        Assert.True(card.State.FormatDisabled);

        Assert.Equal(0x9D, Status(host, 0xFC, ""));
    }

    [Fact]
    public void FormatPicc_NotAuthenticated_AuthenticationError()
    {
        Assert.Equal(0xAE, Status(new DesfireTestHost(CardFactory.Blank()), 0xFC, ""));
    }

    [Fact]
    public void GetCardUid_NotAuthenticated_AuthenticationError()
    {
        Assert.Equal(0xAE, Status(new DesfireTestHost(CardFactory.Blank()), 0x51, ""));
    }

    [Fact]
    public void DeleteApplication_Missing_ApplicationNotFound()
    {
        Assert.Equal(0xA0, Status(new DesfireTestHost(CardFactory.Blank()), 0xDA, "090000"));
    }

    [Fact]
    public void DeleteApplication_NotAuthenticated_AuthenticationError()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.Expect(0xCA, Hex.Bytes("010000 0F 81"));
        Assert.Equal(0xAE, Status(host, 0xDA, "010000"));
    }
}
