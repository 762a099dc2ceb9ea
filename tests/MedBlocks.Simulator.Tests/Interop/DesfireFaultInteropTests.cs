using MedBlocks.Simulator.Card;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Transport;
using DesfireCardState = MedBlocks.Simulator.Desfire.DesfireCardState;

namespace MedBlocks.Simulator.Tests.Interop;

/// <summary>Tearing and corrupted answers between the host library and the simulated card.</summary>
public sealed class DesfireFaultInteropTests
{
    private const byte BackupFile = 2;
    private const int FileSize = 400;

    private static readonly byte[] OldContent = InteropCard.Pattern(FileSize, seed: 0x11);
    private static readonly byte[] NewContent = InteropCard.Pattern(FileSize, seed: 0x77);
    private static readonly Lazy<string> PreparedImage = new(PrepareImage);

    public static TheoryData<int> CutPoints()
    {
        var data = new TheoryData<int>();
        for (var n = 0; n < CountUpdateApdus(); n++)
        {
            data.Add(n);
        }

        return data;
    }

    [Fact]
    public async Task Update_NoFault_ApdusAsFramingAllowsAndNewContent()
    {
        using var card = new InteropCard(CardImage.Deserialize(PreparedImage.Value));

        await UpdateAsync(card);

        // Select 1 + auth 2 + write (7 + pad16(400 + 4) = 423 bytes → 8 frames) + commit 1.
        Assert.Equal(12, card.Transport.CommandsSent);
        Assert.Equal(NewContent, await ReadBackAsync(card));
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public async Task Update_PowerCutAtEveryApdu_CardRemovedAndOldContentAfterRetap(int apdusBeforeCut)
    {
        using var card = new InteropCard(CardImage.Deserialize(PreparedImage.Value));
        card.Card.Faults.CutPowerAfter(apdusBeforeCut);

        await Assert.ThrowsAsync<CardRemovedException>(() => UpdateAsync(card));
        Assert.False(card.Session.IsAuthenticated);

        card.Retap();
        var content = await ReadBackAsync(card);

        // The cut APDU never reaches the card, so even a cut commit leaves the old content.
        Assert.Equal(OldContent, content);
        Assert.Equal(OldContent, CommittedContent(card.Card.State));
    }

    [Fact]
    public async Task Update_PowerCutRightAfterCommit_NewContentAfterRetap()
    {
        using var card = new InteropCard(CardImage.Deserialize(PreparedImage.Value));
        card.Card.Faults.CutPowerAfter(CountUpdateApdus());

        await UpdateAsync(card);
        await Assert.ThrowsAsync<CardRemovedException>(() => card.Session.GetFileIdsAsync());

        card.Retap();
        Assert.Equal(NewContent, await ReadBackAsync(card));
    }

    [Theory]
    [InlineData(DesfireCommMode.Maced, 0)]
    [InlineData(DesfireCommMode.Maced, 8 * 20)]
    [InlineData(DesfireCommMode.Enciphered, 0)]
    [InlineData(DesfireCommMode.Enciphered, 8 * 30)]
    public async Task ReadData_CorruptedAnswer_IntegrityExceptionAndSessionEnded(DesfireCommMode mode, int bit)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, mode, new AccessRights(1, 1, 1, 0), 48);
        await card.OpenApplicationAsync(1);
        await card.Session.WriteDataAsync(1, 0, InteropCard.Pattern(48), mode);
        card.Card.Faults.CorruptNextResponse(bit);

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => card.Session.ReadDataAsync(1, 0, 48, mode));

        Assert.False(card.Session.IsAuthenticated);
    }

    [Fact]
    public async Task WriteData_CorruptedCmacAnswer_IntegrityException()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, DesfireCommMode.Enciphered, new AccessRights(1, 1, 1, 0), 48);
        await card.OpenApplicationAsync(1);
        card.Card.Faults.CorruptNextResponse(3);

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => card.Session.WriteDataAsync(1, 0, InteropCard.Pattern(20), DesfireCommMode.Enciphered));
    }

    [Fact]
    public async Task Authenticate_CorruptedCardProof_IntegrityException()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(InteropCard.Application);
        using var key = InteropCard.AppKey(0);

        // Let the challenge through; corrupt ek(RndA') in the second answer.
        using var session = new DesfireSession(new CorruptSecondAnswer(card.Card, card.Transport));

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => session.AuthenticateAsync(0, key));
        Assert.False(session.IsAuthenticated);
    }

    private static async Task UpdateAsync(InteropCard card)
    {
        await card.OpenApplicationAsync(3);
        await card.Session.WriteDataAsync(BackupFile, 0, NewContent, DesfireCommMode.Enciphered);
        await card.Session.CommitTransactionAsync();
    }

    private static async Task<byte[]> ReadBackAsync(InteropCard card)
    {
        await card.OpenApplicationAsync(1);
        return await card.Session.ReadDataAsync(BackupFile, 0, FileSize, DesfireCommMode.Enciphered);
    }

    private static byte[] CommittedContent(DesfireCardState state) =>
        state.Applications.Single(a => a.Aid == InteropCard.Application.Value).GetFiles().Single(f => f.FileNumber == BackupFile).Data.ToArray();

    private static int CountUpdateApdus()
    {
        using var card = new InteropCard(CardImage.Deserialize(PreparedImage.Value));
        UpdateAsync(card).GetAwaiter().GetResult();
        return (int)card.Transport.CommandsSent;
    }

    private static string PrepareImage()
    {
        using var card = new InteropCard();
        Task.Run(async () =>
        {
            await card.PersonaliseAsync();
            await card.Session.CreateBackupDataFileAsync(BackupFile, DesfireCommMode.Enciphered, new AccessRights(1, 2, 3, 0), FileSize);
            await card.OpenApplicationAsync(3);
            await card.Session.WriteDataAsync(BackupFile, 0, OldContent, DesfireCommMode.Enciphered);
            await card.Session.CommitTransactionAsync();
        }).GetAwaiter().GetResult();
        return CardImage.Serialize(card.Card.State);
    }

    /// <summary>Flips a bit of the second answer (the card's proof in an authentication).</summary>
    private sealed class CorruptSecondAnswer(SimulatedDesfireCard card, ICardTransport inner) : ICardTransport
    {
        private int _count;

        public ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
        {
            if (++_count == 2)
            {
                card.Faults.CorruptNextResponse(5);
            }

            return inner.TransmitAsync(command, cancellationToken);
        }
    }
}
