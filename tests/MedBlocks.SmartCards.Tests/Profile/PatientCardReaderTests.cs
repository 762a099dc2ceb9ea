using Moq;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Profile;
using Xunit.Abstractions;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class PatientCardReaderTests(ITestOutputHelper output)
{
    private const string KioskAddress = "kiosk-reception-1";
    private const string AmbulanceAddress = "ambulance-7";

    [Fact]
    public async Task ReadForCheckInAsync_IssuedCard_ReturnsIdentityAndLogsRead()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        transport.ResetCounters();
        var read = await reader.ReadForCheckInAsync();
        output.WriteLine($"check-in read: {transport.CommandsSent} APDUs, {transport.BytesSent} sent, {transport.BytesReceived} received");
        var log = await reader.ReadAccessLogAsync();

        Assert.Equal("Jenny Tallia", read.Identity.Name);
        Assert.Equal(PatientCardTestKit.Patient(2048).Address, read.Identity.Address);
        Assert.Equal(PatientCardTestKit.Serial, read.Info.CardSerial);
        Assert.Equal(42u, read.Info.IssuerId);
        var entry = Assert.Single(log);
        Assert.Equal(new AccessLogRecord(PatientCardTestKit.Now, AccessLogRecord.StationIdOf(KioskAddress), StationRole.CheckIn, AccessLogAction.ReadIdentity), entry);
    }

    [Fact]
    public async Task ReadForCheckInAsync_RevokedSerial_ReportsRevoked()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        var revocations = new Mock<ICardRevocationCheck>();
        revocations.Setup(r => r.GetRevocationAsync(PatientCardTestKit.Patient(2048).Address, "0123456789ABCDEF", It.IsAny<CancellationToken>()))
            .ReturnsAsync(MedBlocks.Core.Ledger.CardRevocationReason.Lost);
        using var reader = new PatientCardReader(transport, keys, new StationIdentity(KioskAddress, StationRole.CheckIn), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock(), revocations.Object);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.Revoked, error.Error);
        Assert.Contains("lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadForCheckInAsync_SerialNotRevoked_Reads()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        var revocations = new Mock<ICardRevocationCheck>();
        using var reader = new PatientCardReader(transport, keys, new StationIdentity(KioskAddress, StationRole.CheckIn), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock(), revocations.Object);

        var read = await reader.ReadForCheckInAsync();

        Assert.Equal("0123456789ABCDEF", read.Identity.Serial);
        revocations.Verify(r => r.GetRevocationAsync(read.Identity.Address, "0123456789ABCDEF", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task UnlockKeyMaterialAsync_RightPin_ReturnsPatientKeys()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);
        await reader.ReadForCheckInAsync();

        using var participant = await reader.UnlockKeyMaterialAsync(PatientCardTestKit.Pin);

        Assert.Equal(PatientCardTestKit.Patient(2048).Address, participant.Address);
        Assert.Equal(PatientCardTestKit.Patient(2048).EncryptionKeyFingerprint, participant.EncryptionKeyFingerprint);
    }

    [Fact]
    public async Task UnlockKeyMaterialAsync_FiveWrongPins_LocksCardWithGrowingDelay()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();
        var limiter = new PinAttemptLimiter(clock);
        using var reader = new PatientCardReader(transport, keys, new StationIdentity(KioskAddress, StationRole.CheckIn), limiter, clock);
        await reader.ReadForCheckInAsync();

        var remaining = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            remaining.Add((await Assert.ThrowsAsync<WrongPinException>(() => reader.UnlockKeyMaterialAsync("000000"))).AttemptsRemaining);
        }

        var fifth = await Assert.ThrowsAsync<WrongPinException>(() => reader.UnlockKeyMaterialAsync("000000"));
        var locked = await Assert.ThrowsAsync<PinLockedOutException>(() => reader.UnlockKeyMaterialAsync(PatientCardTestKit.Pin));
        clock.Advance(TimeSpan.FromSeconds(31));
        var sixth = await Assert.ThrowsAsync<WrongPinException>(() => reader.UnlockKeyMaterialAsync("000000"));
        clock.Advance(TimeSpan.FromSeconds(61));
        using var participant = await reader.UnlockKeyMaterialAsync(PatientCardTestKit.Pin);

        Assert.Equal([4, 3, 2, 1], remaining);
        Assert.Equal(TimeSpan.FromSeconds(30), fifth.LockedFor);
        Assert.Equal(TimeSpan.FromSeconds(30), locked.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), sixth.LockedFor);
        Assert.Equal(PatientCardTestKit.Patient(2048).Address, participant.Address);
    }

    [Fact]
    public async Task ReadForEmergencyAsync_IssuedCard_ReturnsSummaryAndLogsRead()
    {
        var (_, transport) = await IssuedCardAsync();
        using (var kioskKeys = PatientCardTestKit.KioskKeys())
        using (var kiosk = Reader(transport, kioskKeys, StationRole.CheckIn))
        {
            await kiosk.ReadForCheckInAsync();
        }

        transport.Reconnect();
        using var keys = PatientCardTestKit.ParamedicKeys();
        using var reader = Reader(transport, keys, StationRole.Emergency, AmbulanceAddress);

        transport.ResetCounters();
        var read = await reader.ReadForEmergencyAsync();
        output.WriteLine($"emergency read: {transport.CommandsSent} APDUs, {transport.BytesSent} sent, {transport.BytesReceived} received");
        var log = await reader.ReadAccessLogAsync();

        Assert.Equal(PatientCardTestKit.Summary().ToJsonBytes(), read.Summary.ToJsonBytes());
        Assert.Equal(PatientCardTestKit.Doctor.Address, read.Summary.Author);
        Assert.Equal([AccessLogAction.ReadIdentity, AccessLogAction.ReadEmergency], log.Select(r => r.Action));
        Assert.Equal(AccessLogRecord.StationIdOf(AmbulanceAddress), log[1].StationId);
    }

    [Fact]
    public async Task RecordEmergencyRecordsReadAsync_SameCard_AppendsActionFive_OtherSerial_AppendsNothing()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = PatientCardTestKit.ParamedicKeys();
        using (var tap = Reader(transport, keys, StationRole.Emergency, AmbulanceAddress))
        {
            await tap.ReadForEmergencyAsync();
        }

        transport.Reconnect();
        using var reader = Reader(transport, keys, StationRole.Emergency, AmbulanceAddress);
        var other = await reader.RecordEmergencyRecordsReadAsync("FEDCBA9876543210");
        var logged = await reader.RecordEmergencyRecordsReadAsync(PatientCardTestKit.Serial.ToString("X16", System.Globalization.CultureInfo.InvariantCulture));
        var log = await reader.ReadAccessLogAsync();

        Assert.False(other);
        Assert.True(logged);
        Assert.Equal([AccessLogAction.ReadEmergency, AccessLogAction.ReadEmergencyRecords], log.Select(r => r.Action));
        Assert.Equal(new AccessLogRecord(PatientCardTestKit.Now, AccessLogRecord.StationIdOf(AmbulanceAddress), StationRole.Emergency, AccessLogAction.ReadEmergencyRecords), log[1]);
    }

    [Fact]
    public async Task ReadForEmergencyAsync_KioskKeys_ReportsMissingEmergencyMaster()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<MissingMasterKeyException>(() => reader.ReadForEmergencyAsync());

        Assert.Equal(CardKeyRole.Emergency, error.Role);
    }

    [Fact]
    public async Task ReadForCheckInAsync_OtherNetworksReadMaster_ReportsForeignNetwork()
    {
        var (_, transport) = await IssuedCardAsync();
        using var keys = new ConfigurationKeyProvider(new CardKeyOptions { Read = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF" });
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.ForeignNetwork, error.Error);
    }

    [Fact]
    public async Task ReadForCheckInAsync_BlankCard_ReportsNoMedBlocksApplication()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.NoMedBlocksApplication, error.Error);
    }

    [Fact]
    public async Task ReadForCheckInAsync_NotDesfire_ReportsNotDesfire()
    {
        var transport = new AnswerEverythingTransport([0x6E, 0x00]);
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.NotDesfire, error.Error);
    }

    [Fact]
    public async Task ReadForCheckInAsync_CardInfoOfUnknownVersion_ReportsUnknownProfileVersion()
    {
        var (_, transport) = await IssuedCardAsync();
        await RewriteCardInfoAsync(transport, data => data[2] = 3);
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.UnknownProfileVersion, error.Error);
    }

    [Fact]
    public async Task ReadForCheckInAsync_CardInfoCheckBroken_ReportsNotIssued()
    {
        var (_, transport) = await IssuedCardAsync();
        await RewriteCardInfoAsync(transport, data => data[31] ^= 0x01);
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.NotIssued, error.Error);
    }

    [Fact]
    public async Task ReadForCheckInAsync_CardInfoAnnouncesOtherIdentityLength_ReportsCorruptContent()
    {
        var (_, transport) = await IssuedCardAsync();
        await RewriteCardInfoAsync(transport, data =>
        {
            var info = CardInfo.Parse(data);
            (info with { IdentityLength = (ushort)(info.IdentityLength - 1) }).ToBytes().CopyTo(data, 0);
        });
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.CorruptContent, error.Error);
    }

    [Fact]
    public async Task ReadForCheckInAsync_CorruptIdentityJson_ReportsCorruptContent()
    {
        var (_, transport) = await IssuedCardAsync();
        using (var enrolment = PatientCardTestKit.EnrolmentKeys())
        {
            var uid = await UidAsync(transport);
            using var session = new DesfireSession(transport);
            await session.SelectApplicationAsync(PatientCardProfile.Application);
            using var writeKey = await enrolment.GetApplicationKeyAsync(CardKeyRole.Write, uid);
            await session.AuthenticateAsync(PatientCardProfile.WriteKey, writeKey);
            await session.WriteDataAsync(PatientCardProfile.IdentityFile, 2, "{\"v\":2,"u8.ToArray(), DesfireCommMode.Enciphered);
            await session.WriteDataAsync(PatientCardProfile.IdentityFile, 9, "\"x\":1"u8.ToArray(), DesfireCommMode.Enciphered);
            await session.CommitTransactionAsync();
        }

        transport.Reconnect();
        using var keys = PatientCardTestKit.KioskKeys();
        using var reader = Reader(transport, keys, StationRole.CheckIn);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.CorruptContent, error.Error);
    }

    [Fact]
    public async Task ReadForEmergencyAsync_SummaryAlteredOnCard_ReportsBadSignature()
    {
        var (_, transport) = await IssuedCardAsync();
        var signed = PatientCardTestKit.EmergencySummary();
        var original = System.Text.Encoding.UTF8.GetString(signed, 0, signed.Length - 64);
        // Full resuscitation turned into DNR, and the contacts dropped so the deflated content stays within the file.
        var contacts = original[original.IndexOf(",\"contacts\":", StringComparison.Ordinal)..original.IndexOf(",\"author\":", StringComparison.Ordinal)];
        var altered = System.Text.Encoding.UTF8.GetBytes(original.Replace("\"resuscitation\":\"full\"", "\"resuscitation\":\"dnr\"", StringComparison.Ordinal).Replace(contacts, string.Empty, StringComparison.Ordinal));
        Assert.Contains("\"resuscitation\":\"dnr\"", System.Text.Encoding.UTF8.GetString(altered), StringComparison.Ordinal);
        var compressed = EmergencySummaryPayload.Compress([.. altered, .. signed[^64..]]);
        var image = PatientCardProfile.ToFileImage(compressed);
        Assert.True(image.Length <= PatientCardProfile.ToFileImage(EmergencySummaryPayload.Compress(signed)).Length, "the altered summary must fit the file sized for the original");
        using (var enrolment = PatientCardTestKit.EnrolmentKeys())
        {
            var uid = await UidAsync(transport);
            using var session = new DesfireSession(transport);
            await session.SelectApplicationAsync(PatientCardProfile.Application);
            using var writeKey = await enrolment.GetApplicationKeyAsync(CardKeyRole.Write, uid);
            await session.AuthenticateAsync(PatientCardProfile.WriteKey, writeKey);
            await session.WriteDataAsync(PatientCardProfile.EmergencySummaryFile, 0, image, DesfireCommMode.Enciphered);
            await session.CommitTransactionAsync();
            var info = CardInfo.Parse(await session.ReadDataAsync(PatientCardProfile.CardInfoFile, 0, CardInfo.Size, DesfireCommMode.Plain));
            await session.WriteDataAsync(PatientCardProfile.CardInfoFile, 0, (info with { EmergencySummaryLength = (ushort)compressed.Length }).ToBytes(), DesfireCommMode.Plain);
        }

        transport.Reconnect();
        using var keys = PatientCardTestKit.ParamedicKeys();
        using var reader = Reader(transport, keys, StationRole.Emergency, AmbulanceAddress);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForEmergencyAsync());

        Assert.Equal(PatientCardError.BadSignature, error.Error);
    }

    internal static async Task<(SimulatedDesfireCard Card, SimulatedCardTransport Transport)> IssuedCardAsync()
    {
        var (card, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.EnrolmentKeys();
        await new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, PatientCardTestKit.Request(fixedBits: 2048));
        transport.Reconnect();
        return (card, transport);
    }

    private static PatientCardReader Reader(Transport.ICardTransport transport, IKeyProvider keys, StationRole role, string address = KioskAddress) =>
        new(transport, keys, new StationIdentity(address, role), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock());

    private static async Task<byte[]> UidAsync(SimulatedCardTransport transport)
    {
        using var session = new DesfireSession(transport);
        return (await session.GetVersionAsync()).Uid.ToArray();
    }

    private static async Task RewriteCardInfoAsync(SimulatedCardTransport transport, Action<byte[]> change)
    {
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        var uid = await UidAsync(transport);
        using var session = new DesfireSession(transport);
        await session.SelectApplicationAsync(PatientCardProfile.Application);
        var data = await session.ReadDataAsync(PatientCardProfile.CardInfoFile, 0, CardInfo.Size, DesfireCommMode.Plain);
        change(data);
        using DesfireKey writeKey = await enrolment.GetApplicationKeyAsync(CardKeyRole.Write, uid);
        await session.AuthenticateAsync(PatientCardProfile.WriteKey, writeKey);
        await session.WriteDataAsync(PatientCardProfile.CardInfoFile, 0, data, DesfireCommMode.Plain);
        transport.Reconnect();
    }

    private sealed class AnswerEverythingTransport(byte[] answer) : Transport.ICardTransport
    {
        public ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default) => ValueTask.FromResult(answer);
    }
}
