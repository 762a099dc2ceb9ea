using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Card;

public sealed class CardFaultsTests
{
    private static readonly byte[] Key = Hex.Bytes("0F0E0D0C0B0A09080706050403020100");
    private static readonly byte[] OldContent = Enumerable.Repeat((byte)0x0D, 200).ToArray();
    private static readonly byte[] NewContent = Enumerable.Range(0, 200).Select(i => (byte)(i + 1)).ToArray();

    /// <summary>App 000001 with key 0 = <see cref="Key"/> and an enciphered backup file 01 (200 bytes) holding the old content.</summary>
    private static string ImageWithOldContent()
    {
        var state = CardImage.NewBlank(DesfireStorageSize.FourKilobytes, CardFactory.TestUid, new FixedRandomSource());
        var application = new DesfireApplication(1, 0x0F, DesfireKeyType.Aes, [new DesfireKey(DesfireKeyType.Aes, Key)]);
        var file = DesfireFile.CreateData(1, DesfireFileType.BackupData, 0x03, new DesfireAccessRights(0x0000), 200);
        file.LoadData(OldContent);
        application.Files.Add(1, file);
        state.Applications.Add(application);
        return CardImage.Serialize(state);
    }

    private static void Transaction(DesfireTestHost host)
    {
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.AuthenticateAes(0, Key, Hex.Sequence(1, 16));
        host.WriteEnciphered(0x3D, Hex.Bytes("01 000000 C80000"), NewContent);
        host.Plain(0xC7);
    }

    [Fact]
    public void CutPowerAfter_EveryApduOfABackupWrite_ContentOldUntilCommitAnswered()
    {
        var image = ImageWithOldContent();
        var clean = new SimulatedDesfireCard(CardImage.Deserialize(image), new FixedRandomSource());
        clean.PowerOn();
        var cleanHost = new DesfireTestHost(clean);
        Transaction(cleanHost);
        var total = cleanHost.ApdusSent;
        Assert.True(total >= 8, $"the write should take several frames, took {total} APDUs");
        Assert.Equal(NewContent, clean.State.FindApplication(1)!.GetFiles().Single().GetData());

        for (var cut = 0; cut < total; cut++)
        {
            var card = new SimulatedDesfireCard(CardImage.Deserialize(image), new FixedRandomSource());
            card.PowerOn();
            card.Faults.CutPowerAfter(cut);

            Assert.Throws<CardPowerLostException>(() => Transaction(new DesfireTestHost(card)));

            Assert.False(card.IsPowered);
            card.PowerOn();
            var host = new DesfireTestHost(card);
            host.Expect(0x5A, Hex.Bytes("010000"));
            host.AuthenticateAes(0, Key, Hex.Sequence(1, 16));
            Assert.Equal(OldContent, host.ReadEnciphered(0xBD, Hex.Bytes("01 000000 000000"), 200));
        }
    }

    [Fact]
    public void CutPowerAfter_AfterCommitAnswered_NewContentKept()
    {
        var card = new SimulatedDesfireCard(CardImage.Deserialize(ImageWithOldContent()), new FixedRandomSource());
        card.PowerOn();
        var host = new DesfireTestHost(card);
        Transaction(host);
        card.Faults.CutPowerAfter(0);

        Assert.Throws<CardPowerLostException>(() => card.Process(Hex.Bytes("9060000000")));
        card.PowerOn();

        Assert.Equal(NewContent, card.State.FindApplication(1)!.GetFiles().Single().GetData());
    }

    [Fact]
    public void CorruptNextResponse_FlipsOneBitOnce()
    {
        var card = CardFactory.Blank();
        card.Faults.CorruptNextResponse(0);

        Assert.Equal("0E019100", Hex.Of(card.Process(Hex.Bytes("9045000000"))));
        Assert.Equal("0F019100", Hex.Of(card.Process(Hex.Bytes("9045000000"))));
    }

    [Fact]
    public void CorruptNextResponse_InMacedSession_HostDetectsCmacMismatch()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        card.Faults.CorruptNextResponse(12);

        var e = Assert.Throws<InvalidOperationException>(() => host.Plain(0x45));
        Assert.Contains("CMAC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_ArmedFaults_NothingHappens()
    {
        var card = CardFactory.Blank();
        card.Faults.CutPowerAfter(0);
        card.Faults.CorruptNextResponse();
        card.Faults.Clear();
        Assert.Equal("0F019100", Hex.Of(card.Process(Hex.Bytes("9045000000"))));
    }
}
