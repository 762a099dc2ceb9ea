using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger.Tests;

public sealed class SqliteLedgerTests : IDisposable
{
    private readonly LedgerScenario scenario = new();

    private SqliteLedger Ledger => scenario.Ledger;

    public void Dispose() => scenario.Dispose();

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
        await scenario.DeclareParticipantsAsync();
        var medBlock = await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreione"));

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
    public async Task GetParticipantAsync_Declared_ReturnsIdentityInForce()
    {
        await scenario.DeclareParticipantsAsync();

        var lab = await Ledger.GetParticipantAsync(scenario.Lab.Address);
        Assert.NotNull(lab);
        Assert.Equal(ParticipantRole.Lab, lab.Role);
        Assert.Equal("City Lab", lab.Label);
        Assert.Equal(TestRsaKeys.Rsa, lab.EncryptionKey);
        Assert.Equal(3, lab.Position);
        Assert.Equal((await Ledger.ReadSinceAsync(2).FirstAsync()).Time, lab.DeclaredAt);
        Assert.Null(await Ledger.GetParticipantAsync(scenario.Stranger.Address));
    }

    [Fact]
    public async Task GetParticipantAsync_AfterRotation_ReturnsNewKey()
    {
        await scenario.DeclareParticipantsAsync();
        var oldFingerprint = IdentityDeclaration.ComputeFingerprint(Convert.FromBase64String(TestRsaKeys.Rsa));
        await Ledger.AppendAsync(scenario.Patient, new IdentityDeclaration(scenario.Patient.Address, ParticipantRole.Patient, TestRsaKeys.OtherRsa, Rotates: oldFingerprint));

        var patient = await Ledger.GetParticipantAsync(scenario.Patient.Address);
        Assert.Equal(TestRsaKeys.OtherRsa, patient!.EncryptionKey);
        Assert.Equal(7, patient.Position);
    }

    [Fact]
    public async Task GetPatientMedBlocksAsync_AfterGrants_UnitesKeys()
    {
        await scenario.DeclareParticipantsAsync();
        var first = await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreifirst", false, scenario.Lab));
        var second = await Ledger.AppendAsync(scenario.Practitioner, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreisecond", true, scenario.Emergency));
        await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.OtherPatient, "bafkreiother"));
        await Ledger.AppendAsync(scenario.Patient, new KeyGrant(first.Hash, scenario.Practitioner.Address, TestRsaKeys.Wrapped(7)));
        await Ledger.AppendAsync(scenario.Patient, new KeyGrant(first.Hash, scenario.Site.Address, TestRsaKeys.Wrapped(8)));

        var views = await Ledger.GetPatientMedBlocksAsync(scenario.Patient.Address);

        Assert.Equal([first.Hash, second.Hash], views.Select(v => v.Hash));
        var view = views[0];
        Assert.Equal("bafkreifirst", view.Cid);
        Assert.Equal(scenario.Lab.Address, view.Author);
        Assert.Equal(first.Time, view.Time);
        Assert.Equal(7, view.Position);
        Assert.False(view.Emergency);
        Assert.False(view.Refused);
        Assert.Equal(LedgerEncoding.Sha256Hex("bafkreifirst"u8), view.CiphertextHash);
        Assert.Equal(TestRsaKeys.RecordSig(9), view.RecordSig);
        var expectedKeys = new Dictionary<string, string>
        {
            [scenario.Patient.Address] = TestRsaKeys.Wrapped(1),
            [scenario.Lab.Address] = TestRsaKeys.Wrapped(2),
            [scenario.Practitioner.Address] = TestRsaKeys.Wrapped(7),
            [scenario.Site.Address] = TestRsaKeys.Wrapped(8),
        };
        Assert.Equal(expectedKeys.OrderBy(k => k.Key, StringComparer.Ordinal), view.Keys.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.True(views[1].Emergency);
        Assert.Equal(2, views[1].Keys.Count);
        Assert.Single(await Ledger.GetPatientMedBlocksAsync(scenario.OtherPatient.Address));
        Assert.Empty(await Ledger.GetPatientMedBlocksAsync(scenario.Stranger.Address));
    }

    [Fact]
    public async Task GetMedBlockAsync_AfterRefusal_IsRefusedWithTime()
    {
        await scenario.DeclareParticipantsAsync();
        var medBlock = await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreirefused"));
        Assert.False((await Ledger.GetMedBlockAsync(medBlock.Hash))!.Refused);

        var refusal = await Ledger.AppendAsync(scenario.Patient, new Refusal(medBlock.Hash));

        var view = await Ledger.GetMedBlockAsync(medBlock.Hash);
        Assert.True(view!.Refused);
        Assert.Equal(refusal.Time, view.RefusedAt);
        Assert.True((await Ledger.GetPatientMedBlocksAsync(scenario.Patient.Address)).Single().Refused);
        Assert.Null(await Ledger.GetMedBlockAsync(new string('0', 63) + "1"));
    }

    [Fact]
    public async Task GetCardRevocationAsync_AfterRevocation_NamesTheFirstReasonForThatSerialOnly()
    {
        await scenario.DeclareParticipantsAsync();
        await Ledger.AppendAsync(scenario.Site, new CardRevocation(scenario.Patient.Address, "04A1B2C3D4E5F6", CardRevocationReason.Lost));
        await Ledger.AppendAsync(scenario.Site, new CardRevocation(scenario.Patient.Address, "04A1B2C3D4E5F6", CardRevocationReason.Replaced));

        foreach (ILedger ledger in new ILedger[] { Ledger, new LogScanningLedger(Ledger) })
        {
            Assert.Equal(CardRevocationReason.Lost, await ledger.GetCardRevocationAsync(scenario.Patient.Address, "04A1B2C3D4E5F6"));
            Assert.Null(await ledger.GetCardRevocationAsync(scenario.Patient.Address, "04A1B2C3D4E5F7"));
            Assert.Null(await ledger.GetCardRevocationAsync(scenario.OtherPatient.Address, "04A1B2C3D4E5F6"));
        }
    }

    [Fact]
    public async Task GetCardRevocationAsync_StaffCardsRevokedBySiteOrHolder_AnsweredAndTheChainVerifies()
    {
        await scenario.DeclareParticipantsAsync();
        await Ledger.AppendAsync(scenario.Site, new CardRevocation(scenario.Practitioner.Address, "0000000000000001", CardRevocationReason.Stolen));
        await Ledger.AppendAsync(scenario.Emergency, new CardRevocation(scenario.Emergency.Address, "0000000000000002", CardRevocationReason.Lost));
        var refused = await Assert.ThrowsAsync<LedgerRuleViolation>(
            () => Ledger.AppendAsync(scenario.Practitioner, new CardRevocation(scenario.Emergency.Address, "0000000000000003", CardRevocationReason.Lost)));
        scenario.WhileClosed(_ => { });

        Assert.Equal(LedgerRuleNames.RevokeCardAuthor, refused.Rule);
        foreach (ILedger ledger in new ILedger[] { Ledger, new LogScanningLedger(Ledger) })
        {
            Assert.Equal(CardRevocationReason.Stolen, await ledger.GetCardRevocationAsync(scenario.Practitioner.Address, "0000000000000001"));
            Assert.Equal(CardRevocationReason.Lost, await ledger.GetCardRevocationAsync(scenario.Emergency.Address, "0000000000000002"));
            Assert.Null(await ledger.GetCardRevocationAsync(scenario.Emergency.Address, "0000000000000003"));
        }

        var verification = await Ledger.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(8, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task ReadSinceAsync_Position_ReturnsLaterEntriesInOrder()
    {
        await scenario.DeclareParticipantsAsync();

        var later = await Ledger.ReadSinceAsync(4).ToListAsync();

        Assert.Equal([5L, 6L], later.Select(e => e.Position!.Value));
        Assert.Equal([scenario.Site.Address, scenario.OtherPatient.Address], later.Select(e => e.Author));
        Assert.Empty(await Ledger.ReadSinceAsync(6).ToListAsync());
        Assert.True(later.All(e => e.VerifySignature()));
    }

    [Fact]
    public async Task AppendAsync_StalePrev_ThrowsHeadMovedAndStoresNothing()
    {
        await scenario.DeclareParticipantsAsync();
        var factory = new LedgerEntryFactory(scenario.Clock);
        var head = await Ledger.GetHeadAsync();
        var first = factory.Create(scenario.Lab, head, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreia"));
        var racing = factory.Create(scenario.Practitioner, head, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreib"));
        var stored = await Ledger.AppendAsync(first);

        var moved = await Assert.ThrowsAsync<LedgerHeadMovedException>(() => Ledger.AppendAsync(racing));

        Assert.Equal(new LedgerHead(7, stored.Hash, stored.Time), moved.CurrentHead);
        Assert.Equal(head.Hash, moved.EntryPrev);
        Assert.Equal(7, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task AppendAsync_RuleViolation_ThrowsAndStoresNothing()
    {
        await scenario.DeclareParticipantsAsync();
        var medBlock = await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreia"));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(
            () => Ledger.AppendAsync(scenario.Lab, new KeyGrant(medBlock.Hash, scenario.Practitioner.Address, TestRsaKeys.Wrapped(3))));

        Assert.Equal(LedgerRuleNames.GrantOwner, violation.Rule);
        Assert.Equal(7, (await Ledger.GetHeadAsync()).Position);
        Assert.Single((await Ledger.GetMedBlockAsync(medBlock.Hash))!.Keys);
    }

    [Fact]
    public async Task AppendAsync_UndeclaredIdentityRejected_LeavesNoParticipantRow()
    {
        await scenario.DeclareParticipantsAsync();
        await Assert.ThrowsAsync<LedgerRuleViolation>(
            () => Ledger.AppendAsync(scenario.Patient, new IdentityDeclaration(scenario.Patient.Address, ParticipantRole.Practitioner, TestRsaKeys.OtherRsa)));
        Assert.Equal(ParticipantRole.Patient, (await Ledger.GetParticipantAsync(scenario.Patient.Address))!.Role);
    }

    [Fact]
    public async Task AppendAsync_ForgedSignature_IsRejected()
    {
        await scenario.DeclareParticipantsAsync();
        var head = await Ledger.GetHeadAsync();
        var genuine = LedgerEntryFactory.Create(scenario.Lab, head.Hash, head.Time!.Value, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreia"));
        var forged = LedgerEntry.Create(genuine.Prev, genuine.Author, genuine.Time, genuine.Kind, genuine.Body, Convert.ToBase64String(scenario.Stranger.Sign(genuine.GetSignedBytes())));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(() => Ledger.AppendAsync(forged));
        Assert.Equal(LedgerRuleNames.Signature, violation.Rule);
    }

    [Fact]
    public async Task AppendAsync_TimeAheadOfClock_IsRejected()
    {
        await scenario.DeclareParticipantsAsync();
        var head = await Ledger.GetHeadAsync();
        var future = LedgerEntryFactory.Create(scenario.Lab, head.Hash, scenario.Clock.GetUtcNow() + TimeSpan.FromHours(1), LedgerScenario.MedBlockFor(scenario.Patient, "bafkreia"));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(() => Ledger.AppendAsync(future));
        Assert.Equal(LedgerRuleNames.TimeFuture, violation.Rule);
    }

    [Fact]
    public async Task Entries_UpdateOrDeleteThroughSql_IsRefusedByTriggers()
    {
        await scenario.DeclareParticipantsAsync();
        using var connection = new SqliteConnection($"Data Source={scenario.File.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();

        command.CommandText = "UPDATE entries SET author = 'x' WHERE position = 1";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        command.CommandText = "DELETE FROM entries WHERE position = 6";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Equal(6, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task Reopen_ExistingFile_KeepsChainAndIndexes()
    {
        await scenario.DeclareParticipantsAsync();
        var medBlock = await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreia"));

        scenario.WhileClosed(_ => { });

        Assert.Equal(7, (await scenario.Ledger.GetHeadAsync()).Position);
        Assert.Equal(medBlock.Hash, (await scenario.Ledger.GetPatientMedBlocksAsync(scenario.Patient.Address)).Single().Hash);
        Assert.True((await scenario.Ledger.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Entries_StoredText_IsExactlyTheSignedCanonicalJson()
    {
        await scenario.DeclareParticipantsAsync();
        var entry = await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreia"));
        var stored = scenario.File.Query<string>("SELECT json FROM entries WHERE position = 7");
        Assert.Equal(entry.ToCanonicalString(), stored);
        Assert.Equal(entry.Hash, scenario.File.Query<string>("SELECT hash FROM entries WHERE position = 7"));
    }

    [Fact]
    public async Task Options_Invalid_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new SqliteLedger(new SqliteLedgerOptions { Path = " " }));
        Assert.Throws<ArgumentException>(() => new SqliteLedger(new SqliteLedgerOptions { Path = "/nonexistent-dir-medblocks/ledger.db" }));
        Assert.Throws<ArgumentException>(() => new SqliteLedgerOptions { Path = scenario.File.Path, BusyTimeout = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentException>(() => new SqliteLedgerOptions { Path = scenario.File.Path, MaxAppendAttempts = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new SqliteLedgerOptions { Path = scenario.File.Path, VerifyBatchSize = 0 }.Validate());
        await Task.CompletedTask;
    }
}
