using MedBlocks.Core.Sharing;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardSharingTests : IDisposable
{
    private const string KioskAddress = "kiosk-reception-1";
    private readonly CardLedgerScenario _ledger = new();
    private readonly ConfigurationKeyProvider _kiosk = PatientCardTestKit.KioskKeys();

    [Fact]
    public async Task GrantAsync_RightPin_DoctorGetsAWrappedKeyAndTheCardLogsTheGrant()
    {
        var (record, reader) = await CheckedInAsync("HbA1c 41 mmol/mol");
        using var tap = reader;
        var colleague = PatientCardTestKit.Staff(CardHolderRole.Registrar);
        Assert.NotEqual(CardLedgerScenario.Patient.Address, record.Author);

        var entry = await new CardSharing(_ledger.Service).GrantAsync(reader, PatientCardTestKit.Pin, record.Hash, colleague.Address);
        var log = await reader.ReadAccessLogAsync();

        Assert.NotNull(entry);
        Assert.Equal(CardLedgerScenario.Patient.Address, entry.Author);
        Assert.Equal("grant", entry.Kind);
        Assert.True(entry.VerifySignature());
        Assert.Contains(colleague.Address, (await _ledger.Ledger.GetMedBlockAsync(record.Hash))!.Keys.Keys);
        Assert.Equal("HbA1c 41 mmol/mol", await _ledger.ReadAsAsync(colleague, record.Hash));
        Assert.Equal([AccessLogAction.ReadIdentity, AccessLogAction.Grant], log.Select(r => r.Action));
    }

    [Fact]
    public async Task GrantAsync_GranteeAlreadyHoldsKey_AppendsAndLogsNothing()
    {
        var (record, reader) = await CheckedInAsync("x-ray report");
        using var tap = reader;
        var head = await _ledger.Ledger.GetHeadAsync();

        var entry = await new CardSharing(_ledger.Service).GrantAsync(reader, PatientCardTestKit.Pin, record.Hash, CardLedgerScenario.Doctor.Address);

        Assert.Null(entry);
        Assert.Equal(head.Position, (await _ledger.Ledger.GetHeadAsync()).Position);
        Assert.Single(await reader.ReadAccessLogAsync());
    }

    [Fact]
    public async Task GrantAsync_WrongPin_LedgerUnchanged()
    {
        var (record, reader) = await CheckedInAsync("x-ray report");
        using var tap = reader;
        var head = await _ledger.Ledger.GetHeadAsync();

        await Assert.ThrowsAsync<WrongPinException>(() => new CardSharing(_ledger.Service).GrantAsync(reader, "000000", record.Hash, PatientCardTestKit.Staff(CardHolderRole.Registrar).Address));

        Assert.Equal(head.Position, (await _ledger.Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task GrantAsync_UnknownGrantee_ClearErrorNothingAppended()
    {
        var (record, reader) = await CheckedInAsync("x-ray report");
        using var tap = reader;
        var stranger = Core.Participants.Participant.Create(Core.Participants.ParticipantRole.Practitioner, 2048);

        var error = await Assert.ThrowsAsync<MedBlockNotFoundException>(() => new CardSharing(_ledger.Service).GrantAsync(reader, PatientCardTestKit.Pin, record.Hash, stranger.Address));

        Assert.Contains("not declared", error.Message, StringComparison.Ordinal);
        Assert.Single(await reader.ReadAccessLogAsync());
    }

    [Fact]
    public async Task RefuseAsync_RightPin_MedBlockRefusedOnceAndLogged()
    {
        var (record, reader) = await CheckedInAsync("note");
        using var tap = reader;
        var sharing = new CardSharing(_ledger.Service);

        var refusal = await sharing.RefuseAsync(reader, PatientCardTestKit.Pin, record.Hash);
        var again = await sharing.RefuseAsync(reader, PatientCardTestKit.Pin, record.Hash);

        Assert.NotNull(refusal);
        Assert.Equal("refuse", refusal.Kind);
        Assert.Null(again);
        Assert.True((await _ledger.Ledger.GetMedBlockAsync(record.Hash))!.Refused);
        Assert.Equal([AccessLogAction.ReadIdentity, AccessLogAction.Grant], (await reader.ReadAccessLogAsync()).Select(r => r.Action));
    }

    [Fact]
    public async Task GrantManyAsync_OnePin_GrantsEachOnceAndLogsOneGrant()
    {
        var (first, reader) = await CheckedInAsync("HbA1c 41 mmol/mol");
        using var tap = reader;
        var second = await _ledger.AddRecordAsync("ECG: sinus rhythm");
        var colleague = PatientCardTestKit.Staff(CardHolderRole.Registrar);
        await new CardSharing(_ledger.Service).GrantAsync(reader, PatientCardTestKit.Pin, second.Hash, colleague.Address);

        var entries = await new CardSharing(_ledger.Service).GrantManyAsync(reader, PatientCardTestKit.Pin, [first.Hash, second.Hash], colleague.Address);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("grant", first.Hash), (entries[0]!.Kind, entries[0]!.Body.GetProperty("medblock").GetString()));
        Assert.Null(entries[1]);
        Assert.Equal("HbA1c 41 mmol/mol", await _ledger.ReadAsAsync(colleague, first.Hash));
        Assert.Equal([AccessLogAction.ReadIdentity, AccessLogAction.Grant, AccessLogAction.Grant], (await reader.ReadAccessLogAsync()).Select(r => r.Action));
    }

    [Fact]
    public async Task GrantManyAsync_WrongPin_NothingAppended()
    {
        var (first, reader) = await CheckedInAsync("note");
        using var tap = reader;
        var head = await _ledger.Ledger.GetHeadAsync();

        await Assert.ThrowsAsync<WrongPinException>(() => new CardSharing(_ledger.Service).GrantManyAsync(reader, "000000", [first.Hash], CardLedgerScenario.Doctor.Address));

        Assert.Equal(head.Position, (await _ledger.Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task GrantManyAsync_FailsAfterAGrant_NamesWhatWasGranted()
    {
        var (first, reader) = await CheckedInAsync("note");
        using var tap = reader;
        var colleague = PatientCardTestKit.Staff(CardHolderRole.Registrar);

        var error = await Assert.ThrowsAsync<CardSharingIncompleteException>(
            () => new CardSharing(_ledger.Service).GrantManyAsync(reader, PatientCardTestKit.Pin, [first.Hash, "0000000000000000000000000000000000000000000000000000000000000000"], colleague.Address));

        Assert.Equal(first.Hash, Assert.Single(error.Granted).Body.GetProperty("medblock").GetString());
        Assert.IsType<MedBlockNotFoundException>(error.InnerException);
        Assert.Contains(colleague.Address, (await _ledger.Ledger.GetMedBlockAsync(first.Hash))!.Keys.Keys);
        Assert.Equal([AccessLogAction.ReadIdentity, AccessLogAction.Grant], (await reader.ReadAccessLogAsync()).Select(r => r.Action));
    }

    [Fact]
    public async Task GrantAsync_StaffCard_Refused()
    {
        await _ledger.DeclareAsync();
        var record = await _ledger.AddRecordAsync("note");
        var transport = await StaffSignInTests.StaffCardAsync(CardHolderRole.Practitioner);
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys);
        await reader.ReadForCheckInAsync();

        var error = await Assert.ThrowsAsync<StaffSignInException>(() => new CardSharing(_ledger.Service).GrantAsync(reader, PatientCardTestKit.Pin, record.Hash, CardLedgerScenario.Patient.Address));

        Assert.Equal(StaffSignInError.RoleNotAllowed, error.Error);
    }

    [Fact]
    public async Task GrantAsync_BeforeCheckInRead_Throws()
    {
        var transport = await IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new CardSharing(_ledger.Service).GrantAsync(reader, PatientCardTestKit.Pin, "abc", "def"));
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _kiosk.Dispose();
    }

    private static async Task<SimulatedCardTransport> IssuedCardAsync() => (await PatientCardReaderTests.IssuedCardAsync()).Transport;

    /// <summary>Declares the cast, adds a record the doctor wrote for the patient, and reads the patient's card for check-in.</summary>
    private async Task<(Core.Ledger.MedBlockView Record, PatientCardReader Reader)> CheckedInAsync(string text)
    {
        await _ledger.DeclareAsync();
        var record = await _ledger.AddRecordAsync(text);
        var reader = Reader(await IssuedCardAsync(), _kiosk);
        await reader.ReadForCheckInAsync();
        return (record, reader);
    }

    private PatientCardReader Reader(Transport.ICardTransport transport, IKeyProvider keys) =>
        new(transport, keys, new StationIdentity(KioskAddress, StationRole.CheckIn), new PinAttemptLimiter(_ledger.Clock), _ledger.Clock, new LedgerCardRevocationCheck(_ledger.Ledger));
}
