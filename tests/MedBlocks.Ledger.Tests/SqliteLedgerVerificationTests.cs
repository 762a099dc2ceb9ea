using MedBlocks.Core.Ledger;

namespace MedBlocks.Ledger.Tests;

/// <summary>
/// Someone with access to the file drops the append-only triggers and edits rows; verification must fail
/// and name exactly the first bad entry.
/// </summary>
public sealed class SqliteLedgerVerificationTests : IDisposable
{
    private const int BatchSize = 5;

    private readonly LedgerScenario scenario = new();

    public void Dispose() => scenario.Dispose();

    /// <summary>Twelve entries of every kind: identities 1–6, medblock 7, grant 8, emergency medblock 9, refuse 10, revoke-card 11, emergency-access 12.</summary>
    private async Task BuildChainAsync()
    {
        var ledger = scenario.Ledger;
        await scenario.DeclareParticipantsAsync();
        var seven = await ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreiseven"));
        await ledger.AppendAsync(scenario.Patient, new KeyGrant(seven.Hash, scenario.Practitioner.Address, TestRsaKeys.Wrapped(4)));
        var nine = await ledger.AppendAsync(scenario.Practitioner, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreinine", true, scenario.Emergency));
        await ledger.AppendAsync(scenario.Patient, new Refusal(seven.Hash));
        await ledger.AppendAsync(scenario.Site, new CardRevocation(scenario.Patient.Address, "04A1B2C3D4E5F6", CardRevocationReason.Stolen));
        await ledger.AppendAsync(scenario.Emergency, new EmergencyAccess(nine.Hash, scenario.Patient.Address, "unconscious on arrival"));
        scenario.WhileClosed(_ => { }, BatchSize);
    }

    private string Json(int position) => scenario.File.Query<string>("SELECT json FROM entries WHERE position = $p", ("$p", position));

    private string Hash(int position) => scenario.File.Query<string>("SELECT hash FROM entries WHERE position = $p", ("$p", position));

    private static string HashOf(string json) => LedgerEncoding.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Replaces an entry's text and, as a careful attacker would, the columns derived from it.</summary>
    private void Rewrite(int position, string json)
    {
        scenario.File.Tamper("UPDATE entries SET json = $json, hash = $hash WHERE position = $p", ("$json", json), ("$hash", HashOf(json)), ("$p", position));
        try
        {
            var entry = LedgerEntry.Parse(System.Text.Encoding.UTF8.GetBytes(json));
            scenario.File.Tamper(
                "UPDATE entries SET prev = $prev, author = $author WHERE position = $p",
                ("$prev", entry.Prev), ("$author", entry.Author), ("$p", position));
        }
        catch (LedgerFormatException)
        {
            // Not canonical: the columns stay as they were.
        }
    }

    private async Task<LedgerVerification> VerifyAfter(Action<TempLedgerFile> tamper)
    {
        scenario.WhileClosed(tamper, BatchSize);
        return await scenario.Ledger.VerifyAsync();
    }

    private static void AssertFails(LedgerVerification result, long position, string rule)
    {
        Assert.False(result.IsValid, result.ToString());
        Assert.Equal((position, rule), (result.FailedPosition!.Value, result.Rule!));
        Assert.Equal(position - 1, result.EntryCount);
    }

    [Fact]
    public async Task VerifyAsync_UntouchedChain_IsValidAndReportsProgress()
    {
        await BuildChainAsync();
        var reports = new List<long>();

        var result = await scenario.Ledger.VerifyAsync(new SynchronousProgress(reports.Add));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(12, result.EntryCount);
        Assert.Equal((await scenario.Ledger.GetHeadAsync()).Hash, result.HeadHash);
        Assert.Equal([5L, 10L, 12L], reports);
    }

    [Fact]
    public async Task VerifyAsync_BodyEdited_FailsAtThatEntry()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(file => file.Tamper(
            "UPDATE entries SET json = $json WHERE position = 8",
            ("$json", Json(8).Replace(scenario.Practitioner.Address, scenario.Site.Address, StringComparison.Ordinal))));
        AssertFails(result, 8, LedgerRuleNames.StoredColumns);
    }

    [Fact]
    public async Task VerifyAsync_BodyEditedWithHashRecomputed_FailsOnSignature()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(_ => Rewrite(8, Json(8).Replace(scenario.Practitioner.Address, scenario.Site.Address, StringComparison.Ordinal)));
        AssertFails(result, 8, LedgerRuleNames.Signature);
    }

    [Fact]
    public async Task VerifyAsync_AuthorColumnEdited_FailsAtThatEntry()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(file => file.Tamper("UPDATE entries SET author = $a WHERE position = 5", ("$a", scenario.Patient.Address)));
        AssertFails(result, 5, LedgerRuleNames.StoredColumns);
    }

    [Fact]
    public async Task VerifyAsync_AuthorInEntryEdited_FailsOnSignature()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(_ => Rewrite(7, Json(7).Replace("\"author\":\"" + scenario.Lab.Address, "\"author\":\"" + scenario.Practitioner.Address, StringComparison.Ordinal)));
        AssertFails(result, 7, LedgerRuleNames.Signature);
    }

    [Fact]
    public async Task VerifyAsync_SignatureReplaced_FailsOnSignature()
    {
        await BuildChainAsync();
        var stolenSig = LedgerEntry.Parse(System.Text.Encoding.UTF8.GetBytes(Json(3))).Sig;
        var ownSig = LedgerEntry.Parse(System.Text.Encoding.UTF8.GetBytes(Json(11))).Sig;
        var result = await VerifyAfter(_ => Rewrite(11, Json(11).Replace(ownSig, stolenSig, StringComparison.Ordinal)));
        AssertFails(result, 11, LedgerRuleNames.Signature);
    }

    [Fact]
    public async Task VerifyAsync_PrevEdited_FailsOnPrevLink()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(_ => Rewrite(9, Json(9).Replace(Hash(8), Hash(7), StringComparison.Ordinal)));
        AssertFails(result, 9, LedgerRuleNames.PrevLink);
    }

    [Fact]
    public async Task VerifyAsync_RowDeleted_FailsAtTheNextPosition()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(file => file.Tamper("DELETE FROM entries WHERE position = 7"));
        Assert.False(result.IsValid);
        Assert.Equal(8, result.FailedPosition);
        Assert.Equal(LedgerRuleNames.Position, result.Rule);
        Assert.Equal(6, result.EntryCount);
    }

    [Fact]
    public async Task VerifyAsync_RowDeletedAndLaterRenumbered_FailsOnPrevLink()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(file => file.Tamper(
            "DELETE FROM entries WHERE position = 4; UPDATE entries SET position = position - 1 WHERE position > 4"));
        AssertFails(result, 4, LedgerRuleNames.PrevLink);
    }

    [Fact]
    public async Task VerifyAsync_RowsSwapped_FailsAtTheFirstOfThem()
    {
        await BuildChainAsync();
        var result = await VerifyAfter(file => file.Tamper("""
            UPDATE entries SET position = -1 WHERE position = 9;
            UPDATE entries SET position = 9 WHERE position = 10;
            UPDATE entries SET position = 10 WHERE position = -1;
            """));
        AssertFails(result, 9, LedgerRuleNames.PrevLink);
    }

    [Theory]
    [InlineData(3, ",\"kind\"", ", \"kind\"")]
    [InlineData(4, "{\"address\":", "{\"\\ud800\":1,\"address\":")]
    public async Task VerifyAsync_NonCanonicalOrMalformedText_FailsOnFormat(int position, string find, string replace)
    {
        await BuildChainAsync();
        var result = await VerifyAfter(_ => Rewrite(position, Json(position).Replace(find, replace, StringComparison.Ordinal)));
        AssertFails(result, position, LedgerRuleNames.Format);
    }

    [Fact]
    public async Task VerifyAsync_StoredTextOnlyDecodingWithReplacementCharacters_FailsOnFormat()
    {
        // A signed reason holding U+FFFD; its stored bytes are swapped for an invalid byte that a lenient UTF-8 decoder
        // would turn back into U+FFFD, so the decoded text (and its hash) would still match.
        await BuildChainAsync();
        await scenario.Ledger.AppendAsync(scenario.Emergency, new EmergencyAccess(Hash(9), scenario.Patient.Address, "reason \ufffd unreadable"));
        var stored = System.Text.Encoding.UTF8.GetBytes(Json(13));
        var replacement = System.Text.Encoding.UTF8.GetBytes("\ufffd");
        var at = stored.AsSpan().IndexOf(replacement);
        byte[] forged = [.. stored[..at], 0xFF, .. stored[(at + replacement.Length)..]];

        var result = await VerifyAfter(file => file.Tamper("UPDATE entries SET json = CAST($json AS TEXT) WHERE position = 13", ("$json", forged)));

        AssertFails(result, 13, LedgerRuleNames.Format);
    }

    [Fact]
    public async Task VerifyAsync_TruncatedAfterVerification_FailsOnCheckpoint()
    {
        await BuildChainAsync();
        Assert.True((await scenario.Ledger.VerifyAsync()).IsValid);

        var result = await VerifyAfter(file => file.Tamper("DELETE FROM entries WHERE position >= 11"));

        Assert.False(result.IsValid);
        Assert.Equal(12, result.FailedPosition);
        Assert.Equal(LedgerRuleNames.Checkpoint, result.Rule);
    }

    [Fact]
    public async Task VerifyAsync_Success_StoresCheckpoint()
    {
        await BuildChainAsync();
        Assert.Null(await scenario.Ledger.GetCheckpointAsync());

        await scenario.Ledger.VerifyAsync();

        var checkpoint = await scenario.Ledger.GetCheckpointAsync();
        Assert.Equal(12, checkpoint!.Position);
        Assert.Equal(Hash(12), checkpoint.Hash);
    }

    [Fact]
    public async Task VerifySinceCheckpointAsync_NewEntries_AreVerifiedAndCheckpointAdvances()
    {
        await BuildChainAsync();
        await scenario.Ledger.VerifyAsync();
        var medBlock = await scenario.Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.OtherPatient, "bafkreithirteen"));
        await scenario.Ledger.AppendAsync(scenario.OtherPatient, new KeyGrant(medBlock.Hash, scenario.Practitioner.Address, TestRsaKeys.Wrapped(6)));
        await scenario.Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreififteen"));

        var result = await scenario.Ledger.VerifySinceCheckpointAsync();

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(15, result.EntryCount);
        Assert.Equal(15, (await scenario.Ledger.GetCheckpointAsync())!.Position);
    }

    [Fact]
    public async Task VerifySinceCheckpointAsync_EntryAfterCheckpointForged_FailsThere()
    {
        await BuildChainAsync();
        await scenario.Ledger.VerifyAsync();
        await scenario.Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.OtherPatient, "bafkreithirteen"));
        await scenario.Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreifourteen"));

        scenario.WhileClosed(_ => Rewrite(14, Json(14).Replace("bafkreifourteen", "bafkreiforged00", StringComparison.Ordinal)), BatchSize);
        var result = await scenario.Ledger.VerifySinceCheckpointAsync();

        AssertFails(result, 14, LedgerRuleNames.Signature);
    }

    [Fact]
    public async Task VerifySinceCheckpointAsync_CheckpointEntryChanged_FailsOnCheckpoint()
    {
        await BuildChainAsync();
        await scenario.Ledger.VerifyAsync();

        scenario.WhileClosed(_ => Rewrite(12, Json(12).Replace("unconscious on arrival", "routine check", StringComparison.Ordinal)), BatchSize);
        var result = await scenario.Ledger.VerifySinceCheckpointAsync();

        Assert.False(result.IsValid);
        Assert.Equal(12, result.FailedPosition);
        Assert.Equal(LedgerRuleNames.Checkpoint, result.Rule);
    }

    [Fact]
    public async Task VerifySinceCheckpointAsync_EditBeforeCheckpoint_IsLeftToFullVerification()
    {
        await BuildChainAsync();
        await scenario.Ledger.VerifyAsync();
        await scenario.Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.OtherPatient, "bafkreithirteen"));

        scenario.WhileClosed(file => file.Tamper("UPDATE entries SET author = $a WHERE position = 5", ("$a", scenario.Patient.Address)), BatchSize);

        Assert.True((await scenario.Ledger.VerifySinceCheckpointAsync()).IsValid);
        AssertFails(await scenario.Ledger.VerifyAsync(), 5, LedgerRuleNames.StoredColumns);
    }

    [Fact]
    public async Task VerifySinceCheckpointAsync_NoCheckpoint_VerifiesEverything()
    {
        await BuildChainAsync();
        scenario.WhileClosed(file => file.Tamper("UPDATE entries SET kind = 'grant' WHERE position = 2"), BatchSize);

        AssertFails(await scenario.Ledger.VerifySinceCheckpointAsync(), 2, LedgerRuleNames.StoredColumns);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
