using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using Moq;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class StaffSignInTests
{
    private const string StationAddress = "ward-3-station";
    private static readonly CardHolderRole[] ClinicalRoles = [CardHolderRole.Practitioner, CardHolderRole.Paramedic];

    [Fact]
    public async Task SignInAsync_PractitionerCardAndPin_SessionCarriesRoleAddressNameAndSigns()
    {
        var transport = await StaffCardAsync(CardHolderRole.Practitioner);
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();

        using var session = await SignIn(keys, clock).SignInAsync(transport, PatientCardTestKit.Pin);

        Assert.Equal(CardHolderRole.Practitioner, session.Role);
        Assert.Equal(PatientCardTestKit.Doctor.Address, session.Address);
        Assert.Equal("Dr Ada Osei", session.DisplayName);
        Assert.Equal("00000000000000A1", session.CardSerial);
        Assert.True(session.IsSignedIn);
        var message = "entry"u8.ToArray();
        Assert.True(Ed25519Address.Verify(session.Address, message, session.Sign(message)));
        var role = await session.UseKeysAsync(p => Task.FromResult(p.Role));
        Assert.Equal(ParticipantRole.Practitioner, role);
    }

    [Fact]
    public async Task SignOut_ZeroesKeysAndRefusesFurtherUse()
    {
        var transport = await StaffCardAsync(CardHolderRole.Practitioner);
        using var keys = PatientCardTestKit.KioskKeys();
        var session = await SignIn(keys, PatientCardTestKit.Clock()).SignInAsync(transport, PatientCardTestKit.Pin);
        Participant? held = null;
        await session.UseKeysAsync(p => Task.FromResult(held = p));

        session.SignOut();

        Assert.False(session.IsSignedIn);
        Assert.Throws<StaffSessionEndedException>(() => session.Sign("x"u8));
        await Assert.ThrowsAsync<StaffSessionEndedException>(() => session.UseKeysAsync(p => Task.FromResult(0)));
        Assert.Throws<ObjectDisposedException>(() => held!.Sign("x"u8));
        session.Dispose();
    }

    [Fact]
    public async Task Session_AfterItsLifetime_HasDroppedItsKeys()
    {
        var transport = await StaffCardAsync(CardHolderRole.Paramedic);
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();
        var signIn = new StaffSignIn(keys, new StationIdentity(StationAddress, StationRole.Emergency), ClinicalRoles, new PinAttemptLimiter(clock), clock, sessionLifetime: TimeSpan.FromMinutes(15));
        using var session = await signIn.SignInAsync(transport, PatientCardTestKit.Pin);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True(session.IsSignedIn);
        Assert.Equal(CardHolderRole.Paramedic, session.Role);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(session.IsSignedIn);
        Assert.Throws<StaffSessionEndedException>(() => session.Sign("x"u8));
    }

    [Fact]
    public async Task SignInAsync_PatientCard_RefusedAsPatientCardWithoutAskingThePin()
    {
        var (_, transport) = await PatientCardReaderTests.IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();

        var error = await Assert.ThrowsAsync<StaffSignInException>(() => SignIn(keys, PatientCardTestKit.Clock()).SignInAsync(transport, "000000"));

        Assert.Equal(StaffSignInError.PatientCard, error.Error);
        Assert.Contains("patient card", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentifyAsync_RegistrarAtClinicalStation_RefusedAsRoleNotAllowed()
    {
        var transport = await StaffCardAsync(CardHolderRole.Registrar);
        using var keys = PatientCardTestKit.KioskKeys();

        var error = await Assert.ThrowsAsync<StaffSignInException>(() => SignIn(keys, PatientCardTestKit.Clock()).IdentifyAsync(transport));

        Assert.Equal(StaffSignInError.RoleNotAllowed, error.Error);
        Assert.Contains("registrar", error.Message, StringComparison.Ordinal);
        Assert.Contains("practitioner, paramedic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentifyAsync_RegistrarAtRegistrationDesk_NamesTheHolder()
    {
        var transport = await StaffCardAsync(CardHolderRole.Registrar);
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();
        var signIn = new StaffSignIn(keys, new StationIdentity(StationAddress, StationRole.Enrolment), [CardHolderRole.Registrar], new PinAttemptLimiter(clock), clock);

        var identity = await signIn.IdentifyAsync(transport);
        transport.Reconnect();
        using var session = await signIn.SignInAsync(transport, PatientCardTestKit.Pin);

        Assert.Equal(CardHolderRole.Registrar, identity.Role);
        Assert.Equal("Ravi Registrar", identity.Name);
        Assert.Equal(ParticipantRole.Site, await session.UseKeysAsync(p => Task.FromResult(p.Role)));
    }

    [Fact]
    public async Task SignInAsync_WrongPins_CountedThenLockedOut()
    {
        var transport = await StaffCardAsync(CardHolderRole.Practitioner);
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();
        var signIn = new StaffSignIn(keys, new StationIdentity(StationAddress, StationRole.CheckIn), ClinicalRoles, new PinAttemptLimiter(clock, new PinAttemptPolicy(2, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5))), clock);

        var first = await Assert.ThrowsAsync<WrongPinException>(() => signIn.SignInAsync(transport, "111111"));
        transport.Reconnect();
        var second = await Assert.ThrowsAsync<WrongPinException>(() => signIn.SignInAsync(transport, "222222"));
        transport.Reconnect();
        await Assert.ThrowsAsync<PinLockedOutException>(() => signIn.SignInAsync(transport, PatientCardTestKit.Pin));
        clock.Advance(TimeSpan.FromSeconds(31));
        transport.Reconnect();
        using var session = await signIn.SignInAsync(transport, PatientCardTestKit.Pin);

        Assert.Equal(1, first.AttemptsRemaining);
        Assert.Equal(TimeSpan.FromSeconds(30), second.LockedFor);
        Assert.True(session.IsSignedIn);
    }

    [Fact]
    public async Task SignInAsync_StaffCardRevokedOnTheLedger_RefusedAsRevokedBeforeThePinAndTheNewCardSignsIn()
    {
        using var scenario = new CardLedgerScenario();
        await scenario.DeclareAsync();
        var registrar = PatientCardTestKit.Staff(CardHolderRole.Registrar);
        await scenario.Ledger.AppendAsync(registrar, new CardRevocation(PatientCardTestKit.Doctor.Address, "00000000000000A1", CardRevocationReason.Stolen));
        var revokedCard = await StaffCardAsync(CardHolderRole.Practitioner);
        var newCard = await StaffCardAsync(CardHolderRole.Practitioner, serial: 0xA2);
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = scenario.Clock;
        var limiter = new PinAttemptLimiter(clock, new PinAttemptPolicy(1, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        var signIn = new StaffSignIn(keys, new StationIdentity(StationAddress, StationRole.CheckIn), ClinicalRoles, limiter, clock, new LedgerCardRevocationCheck(scenario.Ledger));

        var refused = await Assert.ThrowsAsync<StaffSignInException>(() => signIn.SignInAsync(revokedCard, "000000"));
        revokedCard.Reconnect();
        var identified = await Assert.ThrowsAsync<StaffSignInException>(() => signIn.IdentifyAsync(revokedCard));
        using var session = await signIn.SignInAsync(newCard, PatientCardTestKit.Pin);

        Assert.Equal(StaffSignInError.Revoked, refused.Error);
        Assert.Equal("This staff card was revoked (stolen) and signs nobody in. Sign in with your replacement card, or ask a registrar for one.", refused.Message);
        Assert.Equal(StaffSignInError.Revoked, identified.Error);
        limiter.EnsureAllowed("00000000000000A1");
        Assert.Equal(PatientCardTestKit.Doctor.Address, session.Address);
        Assert.Equal("00000000000000A2", session.CardSerial);
    }

    [Fact]
    public async Task IdentifyAsync_RevokedPatientCard_StillNamedAsAPatientCard()
    {
        var (_, transport) = await PatientCardReaderTests.IssuedCardAsync();
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();
        var signIn = new StaffSignIn(keys, new StationIdentity(StationAddress, StationRole.CheckIn), ClinicalRoles, new PinAttemptLimiter(clock), clock, EverythingRevoked());

        var error = await Assert.ThrowsAsync<StaffSignInException>(() => signIn.IdentifyAsync(transport));

        Assert.Equal(StaffSignInError.PatientCard, error.Error);
    }

    [Fact]
    public async Task ReadForCheckInAsync_RevokedStaffCard_NamedAsAStaffCard()
    {
        var transport = await StaffCardAsync(CardHolderRole.Paramedic);
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();
        using var reader = new PatientCardReader(transport, keys, new StationIdentity(StationAddress, StationRole.CheckIn), new PinAttemptLimiter(clock), clock, EverythingRevoked());

        var error = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());

        Assert.Equal(PatientCardError.Revoked, error.Error);
        Assert.StartsWith("This staff card was revoked (lost)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PatientOrNoRole_Refused()
    {
        using var keys = PatientCardTestKit.KioskKeys();
        var clock = PatientCardTestKit.Clock();
        var station = new StationIdentity(StationAddress, StationRole.CheckIn);

        Assert.Throws<ArgumentException>(() => new StaffSignIn(keys, station, [CardHolderRole.Patient, CardHolderRole.Practitioner], new PinAttemptLimiter(clock), clock));
        Assert.Throws<ArgumentException>(() => new StaffSignIn(keys, station, [], new PinAttemptLimiter(clock), clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StaffSignIn(keys, station, ClinicalRoles, new PinAttemptLimiter(clock), clock, sessionLifetime: TimeSpan.Zero));
    }

    [Fact]
    public async Task PersonalizeAsync_StaffRoleWithKeysOfAnotherLedgerRole_Refused()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.EnrolmentKeys();
        var request = PatientCardTestKit.StaffRequest(CardHolderRole.Paramedic, 0xA1);
        request = new PersonalizationRequest
        {
            Name = request.Name,
            BirthDate = request.BirthDate,
            Sex = request.Sex,
            IssuerId = request.IssuerId,
            CreateParticipant = _ => PatientCardTestKit.Doctor,
            Pin = request.Pin,
            Kdf = request.Kdf,
            SignedEmergencySummary = request.SignedEmergencySummary,
            Role = CardHolderRole.Paramedic,
        };

        await Assert.ThrowsAsync<ArgumentException>(() => new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, request));
    }

    internal static async Task<SimulatedCardTransport> StaffCardAsync(CardHolderRole role, ulong serial = 0xA1)
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var keys = PatientCardTestKit.EnrolmentKeys();
        var request = PatientCardTestKit.StaffRequest(role, serial);
        await new CardPersonalizer(keys, PatientCardTestKit.Clock()).PersonalizeAsync(transport, request);
        transport.Reconnect();
        return transport;
    }

    private static ICardRevocationCheck EverythingRevoked()
    {
        var revocations = new Mock<ICardRevocationCheck>();
        revocations.Setup(r => r.GetRevocationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(CardRevocationReason.Lost);
        return revocations.Object;
    }

    private static StaffSignIn SignIn(IKeyProvider keys, TimeProvider clock) =>
        new(keys, new StationIdentity(StationAddress, StationRole.CheckIn), ClinicalRoles, new PinAttemptLimiter(clock), clock);
}
