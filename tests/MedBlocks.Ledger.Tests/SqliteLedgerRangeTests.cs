using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Ledger.Tests;

public sealed class SqliteLedgerRangeTests : IDisposable
{
    private readonly LedgerScenario scenario = new();

    public void Dispose() => scenario.Dispose();

    private async Task<List<LedgerEntry>> ChainAsync(params (IEntrySigner Signer, Func<List<LedgerEntry>, ILedgerBody> Body)[] steps)
    {
        var head = await scenario.Ledger.GetHeadAsync();
        var entries = new List<LedgerEntry>();
        foreach (var (signer, body) in steps)
        {
            var entry = LedgerEntryFactory.Create(signer, head.Hash, head.Time!.Value.AddSeconds(1), body(entries));
            entries.Add(entry);
            head = new LedgerHead(head.Position + 1, entry.Hash, entry.Time);
        }

        return entries;
    }

    [Fact]
    public async Task AppendRangeAsync_ValidRun_StoresAllWithIndexes()
    {
        await scenario.DeclareParticipantsAsync();
        var entries = await ChainAsync(
            (scenario.Lab, _ => LedgerScenario.MedBlockFor(scenario.Patient, "bafkreione")),
            (scenario.Patient, e => new KeyGrant(e[0].Hash, scenario.Practitioner.Address, TestRsaKeys.Wrapped(5))),
            (scenario.Patient, e => new Refusal(e[0].Hash)));

        var head = await scenario.Ledger.AppendRangeAsync(entries);

        Assert.Equal(9, head);
        var view = (await scenario.Ledger.GetPatientMedBlocksAsync(scenario.Patient.Address)).Single();
        Assert.Equal(2, view.Keys.Count);
        Assert.True(view.Refused);
        Assert.True((await scenario.Ledger.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task AppendRangeAsync_RuleBrokenMidway_StoresNothing()
    {
        await scenario.DeclareParticipantsAsync();
        var entries = await ChainAsync(
            (scenario.Lab, _ => LedgerScenario.MedBlockFor(scenario.Patient, "bafkreione")),
            (scenario.Lab, e => new KeyGrant(e[0].Hash, scenario.Practitioner.Address, TestRsaKeys.Wrapped(5))));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(() => scenario.Ledger.AppendRangeAsync(entries));

        Assert.Equal(LedgerRuleNames.GrantOwner, violation.Rule);
        Assert.Equal(6, (await scenario.Ledger.GetHeadAsync()).Position);
        Assert.Empty(await scenario.Ledger.GetPatientMedBlocksAsync(scenario.Patient.Address));
    }

    [Fact]
    public async Task AppendRangeAsync_ForgedEntry_IsRejectedBeforeWriting()
    {
        await scenario.DeclareParticipantsAsync();
        var entries = await ChainAsync(
            (scenario.Lab, _ => LedgerScenario.MedBlockFor(scenario.Patient, "bafkreione")),
            (scenario.Lab, _ => LedgerScenario.MedBlockFor(scenario.Patient, "bafkreitwo")));
        var genuine = entries[1];
        entries[1] = LedgerEntry.Create(genuine.Prev, genuine.Author, genuine.Time, genuine.Kind, genuine.Body, Convert.ToBase64String(scenario.Stranger.Sign(genuine.GetSignedBytes())));

        var violation = await Assert.ThrowsAsync<LedgerRuleViolation>(() => scenario.Ledger.AppendRangeAsync(entries));

        Assert.Equal(LedgerRuleNames.Signature, violation.Rule);
        Assert.Contains("Entry 1", violation.Message, StringComparison.Ordinal);
        Assert.Equal(6, (await scenario.Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task AppendRangeAsync_NotOnHead_ThrowsHeadMoved()
    {
        await scenario.DeclareParticipantsAsync();
        var entries = await ChainAsync((scenario.Lab, _ => LedgerScenario.MedBlockFor(scenario.Patient, "bafkreione")));
        await scenario.Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreifirst"));

        await Assert.ThrowsAsync<LedgerHeadMovedException>(() => scenario.Ledger.AppendRangeAsync(entries));
        Assert.Equal(7, (await scenario.Ledger.GetHeadAsync()).Position);
    }
}
