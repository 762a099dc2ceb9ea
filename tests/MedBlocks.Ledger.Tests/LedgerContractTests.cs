using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Ledger.Tests;

/// <summary>
/// What every <see cref="ILedger"/> does, whatever keeps it: run unchanged against the embedded SQLite ledger
/// (<see cref="SqliteLedgerContractTests"/>) and the Ethereum ledger (<see cref="Ethereum.EthereumLedgerContractTests"/>).
/// </summary>
public abstract class LedgerContractTests(ILedgerHost host) : IAsyncLifetime
{
    protected LedgerCast Cast { get; } = new();

    protected ILedger Ledger { get; private set; } = null!;

    public async Task InitializeAsync() => Ledger = await host.OpenAsync(Cast.Clock);

    public async Task DisposeAsync()
    {
        (Ledger as IDisposable)?.Dispose();
        await host.DisposeAsync();
    }

    /// <summary>Closes the ledger and opens it again over the same store.</summary>
    protected async Task ReopenAsync()
    {
        (Ledger as IDisposable)?.Dispose();
        Ledger = await host.OpenAsync(Cast.Clock);
    }

    [Fact]
    public async Task GetHeadAsync_EmptyLedger_IsGenesis()
    {
        var head = await Ledger.GetHeadAsync();
        Assert.Equal(0, head.Position);
        Assert.Equal(LedgerEntry.GenesisPrev, head.Hash);
        Assert.True(head.IsEmpty);
    }

    [Fact]
    public async Task AppendAsync_Entries_ChainByPositionAndPrev()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var medBlock = await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.Patient, "bafkreione"));

        Assert.Equal(7, medBlock.Position);
        var head = await Ledger.GetHeadAsync();
        Assert.Equal(new LedgerHead(7, medBlock.Hash, medBlock.Time), head);

        var entries = await Ledger.ReadSinceAsync(0).ToListAsync();
        Assert.Equal(7, entries.Count);
        Assert.Equal(LedgerEntry.GenesisPrev, entries[0].Prev);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(i + 1, entries[i].Position);
            Assert.Equal(entries[i - 1].Hash, entries[i].Prev);
        }
    }

    [Fact]
    public async Task AppendAsync_EveryKind_IsStoredAsSignedAndVerifies()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var medBlock = await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.Patient, "bafkreiemergency", true, Cast.Emergency));
        var grant = await Ledger.AppendAsync(Cast.Patient, new KeyGrant(medBlock.Hash, Cast.Practitioner.Address, TestRsaKeys.Wrapped(5)));
        var access = await Ledger.AppendAsync(Cast.Emergency, new EmergencyAccess(medBlock.Hash, Cast.Patient.Address, "road traffic collision"));
        var revocation = await Ledger.AppendAsync(Cast.Site, new CardRevocation(Cast.Patient.Address, "04A1B2C3D4E5F6", CardRevocationReason.Stolen));
        var refusal = await Ledger.AppendAsync(Cast.Patient, new Refusal(medBlock.Hash));

        var appended = new[] { medBlock, grant, access, revocation, refusal };
        var stored = await Ledger.ReadSinceAsync(6).ToListAsync();
        Assert.Equal(appended.Select(e => e.ToCanonicalString()), stored.Select(e => e.ToCanonicalString()));
        Assert.Equal([7L, 8, 9, 10, 11], stored.Select(e => e.Position!.Value));
        Assert.Equal(
            [LedgerEntryKinds.MedBlock, LedgerEntryKinds.Grant, LedgerEntryKinds.EmergencyAccess, LedgerEntryKinds.RevokeCard, LedgerEntryKinds.Refuse],
            stored.Select(e => e.Kind));
        Assert.True(stored.All(e => e.VerifySignature()));
        var view = await Ledger.GetMedBlockAsync(medBlock.Hash);
        Assert.True(view!.Refused);
        Assert.Equal(3, view.Keys.Count);
        Assert.Equal(CardRevocationReason.Stolen, await Ledger.GetCardRevocationAsync(Cast.Patient.Address, "04A1B2C3D4E5F6"));
        var verification = await Ledger.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(11, verification.EntryCount);
        Assert.Equal(refusal.Hash, verification.HeadHash);
    }

    [Fact]
    public async Task AppendAsync_EmergencyAccessByLab_IsRefused()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var medBlock = await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.Patient, "bafkreiemergency", true));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(
            () => Ledger.AppendAsync(Cast.Lab, new EmergencyAccess(medBlock.Hash, Cast.Patient.Address, "curiosity")));

        Assert.Equal(LedgerRuleNames.EmergencyAccessAuthor, violation.Rule);
        Assert.Equal(7, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task GetParticipantAsync_Declared_ReturnsIdentityInForce()
    {
        await Cast.DeclareParticipantsAsync(Ledger);

        var lab = await Ledger.GetParticipantAsync(Cast.Lab.Address);
        Assert.NotNull(lab);
        Assert.Equal(ParticipantRole.Lab, lab.Role);
        Assert.Equal("City Lab", lab.Label);
        Assert.Equal(TestRsaKeys.Rsa, lab.EncryptionKey);
        Assert.Equal(3, lab.Position);
        Assert.Equal((await Ledger.ReadSinceAsync(2).FirstAsync()).Time, lab.DeclaredAt);
        Assert.Null(await Ledger.GetParticipantAsync(Cast.Stranger.Address));
    }

    [Fact]
    public async Task GetParticipantAsync_AfterRotation_ReturnsNewKey()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var oldFingerprint = IdentityDeclaration.ComputeFingerprint(Convert.FromBase64String(TestRsaKeys.Rsa));
        await Ledger.AppendAsync(Cast.Patient, new IdentityDeclaration(Cast.Patient.Address, ParticipantRole.Patient, TestRsaKeys.OtherRsa, Rotates: oldFingerprint));

        var patient = await Ledger.GetParticipantAsync(Cast.Patient.Address);
        Assert.Equal(TestRsaKeys.OtherRsa, patient!.EncryptionKey);
        Assert.Equal(7, patient.Position);
    }

    [Fact]
    public async Task GetPatientMedBlocksAsync_AfterGrants_UnitesKeys()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var first = await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.Patient, "bafkreifirst", false, Cast.Lab));
        var second = await Ledger.AppendAsync(Cast.Practitioner, LedgerCast.MedBlockFor(Cast.Patient, "bafkreisecond", true, Cast.Emergency));
        await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.OtherPatient, "bafkreiother"));
        await Ledger.AppendAsync(Cast.Patient, new KeyGrant(first.Hash, Cast.Practitioner.Address, TestRsaKeys.Wrapped(7)));
        await Ledger.AppendAsync(Cast.Patient, new KeyGrant(first.Hash, Cast.Site.Address, TestRsaKeys.Wrapped(8)));

        var views = await Ledger.GetPatientMedBlocksAsync(Cast.Patient.Address);

        Assert.Equal([first.Hash, second.Hash], views.Select(v => v.Hash));
        var view = views[0];
        Assert.Equal("bafkreifirst", view.Cid);
        Assert.Equal(Cast.Lab.Address, view.Author);
        Assert.Equal(first.Time, view.Time);
        Assert.Equal(7, view.Position);
        Assert.False(view.Emergency);
        Assert.False(view.Refused);
        Assert.Equal(LedgerEncoding.Sha256Hex("bafkreifirst"u8), view.CiphertextHash);
        Assert.Equal(TestRsaKeys.RecordSig(9), view.RecordSig);
        var expectedKeys = new Dictionary<string, string>
        {
            [Cast.Patient.Address] = TestRsaKeys.Wrapped(1),
            [Cast.Lab.Address] = TestRsaKeys.Wrapped(2),
            [Cast.Practitioner.Address] = TestRsaKeys.Wrapped(7),
            [Cast.Site.Address] = TestRsaKeys.Wrapped(8),
        };
        Assert.Equal(expectedKeys.OrderBy(k => k.Key, StringComparer.Ordinal), view.Keys.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.True(views[1].Emergency);
        Assert.Equal(2, views[1].Keys.Count);
        Assert.Single(await Ledger.GetPatientMedBlocksAsync(Cast.OtherPatient.Address));
        Assert.Empty(await Ledger.GetPatientMedBlocksAsync(Cast.Stranger.Address));
    }

    [Fact]
    public async Task GetMedBlockAsync_AfterRefusal_IsRefusedWithTime()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var medBlock = await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.Patient, "bafkreirefused"));
        Assert.False((await Ledger.GetMedBlockAsync(medBlock.Hash))!.Refused);

        var refusal = await Ledger.AppendAsync(Cast.Patient, new Refusal(medBlock.Hash));

        var view = await Ledger.GetMedBlockAsync(medBlock.Hash);
        Assert.True(view!.Refused);
        Assert.Equal(refusal.Time, view.RefusedAt);
        Assert.True((await Ledger.GetPatientMedBlocksAsync(Cast.Patient.Address)).Single().Refused);
        Assert.Null(await Ledger.GetMedBlockAsync(new string('0', 63) + "1"));
    }

    [Fact]
    public async Task GetCardRevocationAsync_AfterRevocation_NamesTheFirstReasonForThatSerialOnly()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        await Ledger.AppendAsync(Cast.Site, new CardRevocation(Cast.Patient.Address, "04A1B2C3D4E5F6", CardRevocationReason.Lost));
        await Ledger.AppendAsync(Cast.Site, new CardRevocation(Cast.Patient.Address, "04A1B2C3D4E5F6", CardRevocationReason.Replaced));

        foreach (var ledger in new[] { Ledger, new LogScanningLedger(Ledger) })
        {
            Assert.Equal(CardRevocationReason.Lost, await ledger.GetCardRevocationAsync(Cast.Patient.Address, "04A1B2C3D4E5F6"));
            Assert.Null(await ledger.GetCardRevocationAsync(Cast.Patient.Address, "04A1B2C3D4E5F7"));
            Assert.Null(await ledger.GetCardRevocationAsync(Cast.OtherPatient.Address, "04A1B2C3D4E5F6"));
        }
    }

    [Fact]
    public async Task GetCardRevocationAsync_StaffCardsRevokedBySiteOrHolder_AnsweredAndTheChainVerifies()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        await Ledger.AppendAsync(Cast.Site, new CardRevocation(Cast.Practitioner.Address, "0000000000000001", CardRevocationReason.Stolen));
        await Ledger.AppendAsync(Cast.Emergency, new CardRevocation(Cast.Emergency.Address, "0000000000000002", CardRevocationReason.Lost));
        var refused = await Assert.ThrowsAsync<LedgerRuleViolation>(
            () => Ledger.AppendAsync(Cast.Practitioner, new CardRevocation(Cast.Emergency.Address, "0000000000000003", CardRevocationReason.Lost)));

        Assert.Equal(LedgerRuleNames.RevokeCardAuthor, refused.Rule);
        foreach (var ledger in new[] { Ledger, new LogScanningLedger(Ledger) })
        {
            Assert.Equal(CardRevocationReason.Stolen, await ledger.GetCardRevocationAsync(Cast.Practitioner.Address, "0000000000000001"));
            Assert.Equal(CardRevocationReason.Lost, await ledger.GetCardRevocationAsync(Cast.Emergency.Address, "0000000000000002"));
            Assert.Null(await ledger.GetCardRevocationAsync(Cast.Emergency.Address, "0000000000000003"));
        }

        var verification = await Ledger.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(8, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task ReadSinceAsync_Position_ReturnsLaterEntriesInOrder()
    {
        await Cast.DeclareParticipantsAsync(Ledger);

        var later = await Ledger.ReadSinceAsync(4).ToListAsync();

        Assert.Equal([5L, 6L], later.Select(e => e.Position!.Value));
        Assert.Equal([Cast.Site.Address, Cast.OtherPatient.Address], later.Select(e => e.Author));
        Assert.Empty(await Ledger.ReadSinceAsync(6).ToListAsync());
        Assert.True(later.All(e => e.VerifySignature()));
    }

    [Fact]
    public async Task AppendAsync_StalePrev_ThrowsHeadMovedAndStoresNothing()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var factory = new LedgerEntryFactory(Cast.Clock);
        var head = await Ledger.GetHeadAsync();
        var first = factory.Create(Cast.Lab, head, LedgerCast.MedBlockFor(Cast.Patient, "bafkreia"));
        var racing = factory.Create(Cast.Practitioner, head, LedgerCast.MedBlockFor(Cast.Patient, "bafkreib"));
        var stored = await Ledger.AppendAsync(first);

        var moved = await Assert.ThrowsAsync<LedgerHeadMovedException>(() => Ledger.AppendAsync(racing));

        Assert.Equal(new LedgerHead(7, stored.Hash, stored.Time), moved.CurrentHead);
        Assert.Equal(head.Hash, moved.EntryPrev);
        Assert.Equal(7, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task AppendAsync_RuleViolation_ThrowsAndStoresNothing()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var medBlock = await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.Patient, "bafkreia"));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(
            () => Ledger.AppendAsync(Cast.Lab, new KeyGrant(medBlock.Hash, Cast.Practitioner.Address, TestRsaKeys.Wrapped(3))));

        Assert.Equal(LedgerRuleNames.GrantOwner, violation.Rule);
        Assert.Equal(7, (await Ledger.GetHeadAsync()).Position);
        Assert.Single((await Ledger.GetMedBlockAsync(medBlock.Hash))!.Keys);
    }

    [Fact]
    public async Task AppendAsync_UndeclaredIdentityRejected_LeavesNoParticipantRow()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        await Assert.ThrowsAsync<LedgerRuleViolation>(
            () => Ledger.AppendAsync(Cast.Patient, new IdentityDeclaration(Cast.Patient.Address, ParticipantRole.Practitioner, TestRsaKeys.OtherRsa)));
        Assert.Equal(ParticipantRole.Patient, (await Ledger.GetParticipantAsync(Cast.Patient.Address))!.Role);
    }

    [Fact]
    public async Task AppendAsync_ForgedSignature_IsRejected()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var head = await Ledger.GetHeadAsync();
        var genuine = LedgerEntryFactory.Create(Cast.Lab, head.Hash, head.Time!.Value, LedgerCast.MedBlockFor(Cast.Patient, "bafkreia"));
        var forged = LedgerEntry.Create(genuine.Prev, genuine.Author, genuine.Time, genuine.Kind, genuine.Body, Convert.ToBase64String(Cast.Stranger.Sign(genuine.GetSignedBytes())));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(() => Ledger.AppendAsync(forged));
        Assert.Equal(LedgerRuleNames.Signature, violation.Rule);
        Assert.Equal(6, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task AppendAsync_TimeAheadOfClock_IsRejected()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var head = await Ledger.GetHeadAsync();
        var future = LedgerEntryFactory.Create(Cast.Lab, head.Hash, Cast.Clock.GetUtcNow() + TimeSpan.FromHours(1), LedgerCast.MedBlockFor(Cast.Patient, "bafkreia"));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(() => Ledger.AppendAsync(future));
        Assert.Equal(LedgerRuleNames.TimeFuture, violation.Rule);
    }

    [Fact]
    public async Task Reopen_ExistingStore_KeepsChainAndIndexes()
    {
        await Cast.DeclareParticipantsAsync(Ledger);
        var medBlock = await Ledger.AppendAsync(Cast.Lab, LedgerCast.MedBlockFor(Cast.Patient, "bafkreia"));

        await ReopenAsync();

        Assert.Equal(7, (await Ledger.GetHeadAsync()).Position);
        Assert.Equal(medBlock.Hash, (await Ledger.GetPatientMedBlocksAsync(Cast.Patient.Address)).Single().Hash);
        Assert.True((await Ledger.VerifyAsync()).IsValid);
        var next = await Ledger.AppendAsync(Cast.Patient, new KeyGrant(medBlock.Hash, Cast.Practitioner.Address, TestRsaKeys.Wrapped(4)));
        Assert.Equal(8, next.Position);
        Assert.Equal(medBlock.Hash, next.Prev);
    }
}

/// <summary>The ledger behaviour suite against the embedded SQLite ledger.</summary>
public sealed class SqliteLedgerContractTests() : LedgerContractTests(new SqliteLedgerHost());
