using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;
using Xunit.Abstractions;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardEmergencyUpdaterTests(ITestOutputHelper output)
{
    private const string DeskAddress = "registration-desk-2";
    private const int Reserve = 512;

    [Fact]
    public async Task UpdateAsync_LargerSummaryWithinTheReserve_EmergencyReadShowsItAndLogRecordsTheWrite()
    {
        var (_, transport) = await IssuedCardAsync(Reserve);
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        var updated = Updated();

        transport.ResetCounters();
        var result = await Updater(enrolment).UpdateAsync(transport, updated.Sign(PatientCardTestKit.Doctor));
        output.WriteLine($"update: {transport.CommandsSent} APDUs, {result.CompressedLength} B compressed in a {result.FileSize} B file");
        transport.Reconnect();
        var (read, log) = await ReadEmergencyAsync(transport);

        Assert.Equal(updated.ToJsonBytes(), read.Summary.ToJsonBytes());
        Assert.True(result.CompressedLength > EmergencySummaryPayload.Compress(PatientCardTestKit.EmergencySummary()).Length);
        Assert.Equal([AccessLogAction.Write, AccessLogAction.ReadEmergency], log.Select(r => r.Action));
        Assert.Equal(StationRole.Enrolment, log[0].Role);
    }

    [Fact]
    public async Task UpdateAsync_SummaryLargerThanTheFile_RefusedAndOldSummaryKept()
    {
        var (_, transport) = await IssuedCardAsync(reserve: 0);
        using var enrolment = PatientCardTestKit.EnrolmentKeys();

        var error = await Assert.ThrowsAsync<PatientCardException>(() => Updater(enrolment).UpdateAsync(transport, Updated().Sign(PatientCardTestKit.Doctor)));
        transport.Reconnect();
        var (read, log) = await ReadEmergencyAsync(transport);

        Assert.Equal(PatientCardError.CardTooSmall, error.Error);
        Assert.Contains("Re-issue the card with more room", error.Message, StringComparison.Ordinal);
        Assert.Equal(PatientCardTestKit.Summary().ToJsonBytes(), read.Summary.ToJsonBytes());
        Assert.Single(log);
    }

    [Fact]
    public async Task UpdateAsync_ShorterSummary_FitsAnyCardAndReadsBack()
    {
        var (_, transport) = await IssuedCardAsync(reserve: 0);
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        var shorter = PatientCardTestKit.Summary() with { Contacts = [], Problems = ["hypertension"] };

        await Updater(enrolment).UpdateAsync(transport, shorter.Sign(PatientCardTestKit.Doctor));
        transport.Reconnect();
        var (read, _) = await ReadEmergencyAsync(transport);

        Assert.Equal(shorter.ToJsonBytes(), read.Summary.ToJsonBytes());
    }

    [Fact]
    public async Task UpdateAsync_BadSignature_RefusedBeforeTheCardIsTouched()
    {
        var (_, transport) = await IssuedCardAsync(Reserve);
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        var signed = Updated().Sign(PatientCardTestKit.Doctor);
        signed[^1] ^= 1;
        transport.ResetCounters();

        var error = await Assert.ThrowsAsync<PatientCardException>(() => Updater(enrolment).UpdateAsync(transport, signed));

        Assert.Equal(PatientCardError.BadSignature, error.Error);
        Assert.Equal(0, transport.CommandsSent);
    }

    [Fact]
    public async Task UpdateAsync_KioskWithoutWriteKey_Refused()
    {
        var (_, transport) = await IssuedCardAsync(Reserve);
        using var kiosk = PatientCardTestKit.KioskKeys();

        await Assert.ThrowsAsync<MissingMasterKeyException>(() => Updater(kiosk).UpdateAsync(transport, Updated().Sign(PatientCardTestKit.Doctor)));
    }

    [Fact]
    public async Task UpdateAsync_PowerCutAtEveryApdu_CardHoldsOldOrNewSummaryNeverAMix()
    {
        var (card, transport) = await IssuedCardAsync(Reserve);
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        var summaries = new[] { PatientCardTestKit.Summary(), Updated() };
        var signed = summaries.Select(s => s.Sign(PatientCardTestKit.Doctor)).ToArray();

        transport.ResetCounters();
        await Updater(enrolment).UpdateAsync(transport, signed[1]);
        var total = (int)transport.CommandsSent;
        var current = 1;
        int sawOld = 0, sawNew = 0;
        for (var cut = 0; cut < total; cut++)
        {
            var next = 1 - current;
            transport.Reconnect();
            card.Faults.CutPowerAfter(cut);
            await Assert.ThrowsAsync<CardRemovedException>(() => Updater(enrolment).UpdateAsync(transport, signed[next]));

            transport.Reconnect();
            var (read, log) = await ReadEmergencyAsync(transport);
            var json = read.Summary.ToJsonBytes();
            var isNew = json.AsSpan().SequenceEqual(summaries[next].ToJsonBytes());
            Assert.True(isNew || json.AsSpan().SequenceEqual(summaries[current].ToJsonBytes()), $"tear at APDU {cut}: neither the old nor the new summary");
            Assert.All(log, r => Assert.Contains(r.Action, new[] { AccessLogAction.Write, AccessLogAction.ReadEmergency, AccessLogAction.ReadIdentity }));
            await CheckInStillReadsAsync(transport);
            (sawNew, sawOld) = isNew ? (sawNew + 1, sawOld) : (sawNew, sawOld + 1);
            current = isNew ? next : current;
        }

        output.WriteLine($"{total} tear points in an emergency summary update: {sawOld} kept the old summary, {sawNew} the new one");
        Assert.True(sawOld > 0 && sawNew > 0);
    }

    /// <summary>A longer summary: more allergies and problems than the test kit's.</summary>
    internal static EmergencySummary Updated() => PatientCardTestKit.Summary() with
    {
        Allergies = [.. PatientCardTestKit.Summary().Allergies, new("ibuprofen", "bronchospasm", AllergyCriticality.High, false), new("shellfish", "urticaria", AllergyCriticality.Low, false)],
        Problems = ["type 2 diabetes", "hypertension", "chronic kidney disease stage 3a", "atrial fibrillation on anticoagulation"],
        Medications = [.. PatientCardTestKit.Summary().Medications, new("apixaban", "5 mg twice daily")],
    };

    internal static async Task<(SimulatedDesfireCard Card, SimulatedCardTransport Transport)> IssuedCardAsync(int reserve)
    {
        // A 4 KB card has about 190 bytes to spare with 2048-bit keys; room for updates is an 8 KB card's.
        var (card, transport) = PatientCardTestKit.BlankCard(eightKilobytes: reserve > 0);
        using var keys = PatientCardTestKit.EnrolmentKeys();
        await new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, PatientCardTestKit.Request(fixedBits: 2048) with { EmergencySummaryReserve = reserve });
        transport.Reconnect();
        return (card, transport);
    }

    private static async Task<(EmergencyCardRead Read, IReadOnlyList<AccessLogRecord> Log)> ReadEmergencyAsync(ICardTransport transport)
    {
        using var keys = PatientCardTestKit.ParamedicKeys();
        using var reader = new PatientCardReader(transport, keys, new StationIdentity("ambulance-7", StationRole.Emergency), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock());
        var read = await reader.ReadForEmergencyAsync();
        return (read, await reader.ReadAccessLogAsync());
    }

    private static async Task CheckInStillReadsAsync(SimulatedCardTransport transport)
    {
        transport.Reconnect();
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = new PatientCardReader(transport, keys, new StationIdentity("kiosk-1", StationRole.CheckIn), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock());
        Assert.Equal("Jenny Tallia", (await reader.ReadForCheckInAsync()).Identity.Name);
    }

    private static CardEmergencyUpdater Updater(IKeyProvider keys) => new(keys, new StationIdentity(DeskAddress, StationRole.Enrolment), PatientCardTestKit.Clock());
}
