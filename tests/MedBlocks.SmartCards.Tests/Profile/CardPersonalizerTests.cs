using MedBlocks.SmartCards.Profile;
using Xunit.Abstractions;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardPersonalizerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PersonalizeAsync_BlankFourKilobyteCard_IssuesVerifiedCard()
    {
        var (card, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.EnrolmentKeys();
        var steps = new List<PersonalizationStep>();
        var personalizer = new CardPersonalizer(keys, PatientCardTestKit.Clock());

        var result = await personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request(), new SynchronousProgress(steps));

        output.WriteLine($"4 KB: {transport.CommandsSent} APDUs, {transport.BytesSent} bytes sent, {transport.BytesReceived} received, RSA {result.RsaKeySize}, free {result.FreeMemoryBefore} -> {result.FreeMemoryAfter}");
        Assert.Equal(2048, result.RsaKeySize);
        Assert.Equal(4096, result.StorageSize);
        Assert.False(result.Restarted);
        Assert.Equal(PersonalizationStep.Issued, steps[^1]);
        Assert.Equal("0123456789ABCDEF", result.Identity.Serial);
        Assert.Equal(new DateOnly(2026, 11, 25), result.Info.IssueDate);
        Assert.Equal(PatientCardTestKit.Patient(2048).Address, result.Identity.Address);
        Assert.Equal(4096, result.FreeMemoryBefore);
        Assert.Equal(4096 - ExpectedApplicationMemory(result), result.FreeMemoryAfter);
        transport.Reconnect();
        Assert.Equal(CardCondition.Issued, await personalizer.InspectAsync(transport));
        Assert.Equal(card.State.Uid.ToArray(), result.Uid.ToArray());
    }

    [Fact]
    public async Task PersonalizeAsync_BlankEightKilobyteCard_Chooses3072BitRsa()
    {
        var (_, transport) = PatientCardTestKit.BlankCard(eightKilobytes: true);
        using var keys = PatientCardTestKit.EnrolmentKeys();
        var personalizer = new CardPersonalizer(keys, PatientCardTestKit.Clock());

        var result = await personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request());

        output.WriteLine($"8 KB: {transport.CommandsSent} APDUs, {transport.BytesSent} bytes sent, {transport.BytesReceived} received, RSA {result.RsaKeySize}, free {result.FreeMemoryBefore} -> {result.FreeMemoryAfter}");
        Assert.Equal(3072, result.RsaKeySize);
        Assert.Equal(8192, result.StorageSize);
    }

    [Fact]
    public async Task PersonalizeAsync_IssuedCard_RefusesWithoutFormatFlag()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.EnrolmentKeys();
        var personalizer = new CardPersonalizer(keys, PatientCardTestKit.Clock());
        await personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request());
        transport.Reconnect();

        var error = await Assert.ThrowsAsync<PatientCardException>(() => personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request()));

        Assert.Equal(PatientCardError.AlreadyIssued, error.Error);
    }

    [Fact]
    public async Task PersonalizeAsync_IssuedCardWithFormatFlag_ReissuesWithNewSerial()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.EnrolmentKeys();
        var personalizer = new CardPersonalizer(keys, PatientCardTestKit.Clock());
        await personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request());
        transport.Reconnect();

        var first = await new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(PatientCardTestKit.BlankCard().Transport, PatientCardTestKit.Request());
        var again = await personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request(serial: 0x1111222233334444, format: true));

        Assert.True(again.Restarted);
        Assert.Equal("1111222233334444", again.Identity.Serial);
        Assert.Equal(first.FreeMemoryAfter, again.FreeMemoryAfter);
    }

    [Fact]
    public async Task PersonalizeAsync_CardOfAnotherNetwork_ReportsForeignNetwork()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using (var keys = PatientCardTestKit.EnrolmentKeys())
        {
            await new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, PatientCardTestKit.Request());
        }

        transport.Reconnect();

        var other = PatientCardTestKit.EnrolmentOptions();
        other.PiccMaster = "FFEEDDCCBBAA99887766554433221100";
        using var otherKeys = new ConfigurationKeyProvider(other);

        var error = await Assert.ThrowsAsync<PatientCardException>(() => new CardPersonalizer(otherKeys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, PatientCardTestKit.Request()));

        Assert.Equal(PatientCardError.ForeignNetwork, error.Error);
    }

    [Fact]
    public async Task PersonalizeAsync_KioskKeysOnly_ReportsMissingPiccMaster()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.KioskKeys();

        var error = await Assert.ThrowsAsync<MissingMasterKeyException>(() => new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, PatientCardTestKit.Request()));

        Assert.Equal(CardKeyRole.PiccMaster, error.Role);
    }

    [Fact]
    public async Task PersonalizeAsync_SummaryWithBrokenSignature_RefusesBeforeTouchingCard()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.EnrolmentKeys();
        var signed = PatientCardTestKit.EmergencySummary();
        signed[^1] ^= 0x01;
        var request = PatientCardTestKit.Request();
        request = new PersonalizationRequest
        {
            Name = request.Name,
            BirthDate = request.BirthDate,
            Sex = request.Sex,
            IssuerId = request.IssuerId,
            CreateParticipant = request.CreateParticipant,
            Pin = request.Pin,
            Kdf = request.Kdf,
            SignedEmergencySummary = signed,
        };

        var error = await Assert.ThrowsAsync<PatientCardException>(() => new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, request));

        Assert.Equal(PatientCardError.BadSignature, error.Error);
        Assert.Equal(0, transport.CommandsSent);
    }

    /// <summary>The simulator's EEPROM model (32-byte blocks) applied to the profile's files, computed here independently.</summary>
    private static int ExpectedApplicationMemory(PersonalizationResult result)
    {
        static int Blocks(int bytes) => (bytes + 31) / 32 * 32;
        var identity = Blocks(result.Identity.ToJsonBytes().Length + 2);
        var keyMaterial = Blocks(CardKeyMaterialLength + 2);
        var emergency = Blocks(EmergencySummaryPayload.Compress(PatientCardTestKit.EmergencySummary()).Length + 2);
        return (32 + Blocks(5 * 25)) + (32 + 32) + (32 + (2 * identity)) + (32 + keyMaterial) + (32 + (2 * emergency)) + (32 + (10 * 32));
    }

    private static int CardKeyMaterialLength =>
        MedBlocks.Core.Participants.CardKeyMaterial.Seal(PatientCardTestKit.Patient(2048), PatientCardTestKit.Pin, MedBlocks.Core.Secrets.Argon2Parameters.FastForTests).Length;

    private sealed class SynchronousProgress(List<PersonalizationStep> steps) : IProgress<PersonalizationStep>
    {
        public void Report(PersonalizationStep value) => steps.Add(value);
    }
}
