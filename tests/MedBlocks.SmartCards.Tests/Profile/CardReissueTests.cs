using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardReissueTests : IDisposable
{
    private const string BackupPassphrase = "correct horse battery staple";
    private const string NewPin = "735102";
    private const ulong NewSerial = 0x00000000000000B2;
    private readonly CardLedgerScenario _ledger = new();

    [Fact]
    public async Task ReissueAsync_LostCard_NewCardSameKeysNewSerialAndOldCardRefused()
    {
        await _ledger.DeclareAsync();
        var (_, oldCard) = await PatientCardReaderTests.IssuedCardAsync();
        var (_, newCard) = PatientCardTestKit.BlankCard();
        using var enrolment = PatientCardTestKit.EnrolmentKeys();

        var result = await Reissue(enrolment).ReissueAsync(newCard, Request(), NewCardRequest());
        newCard.Reconnect();

        Assert.NotNull(result.Revocation);
        Assert.Equal(CardLedgerScenario.Patient.Address, result.Revocation.Author);
        Assert.Equal(new CardRevocation(CardLedgerScenario.Patient.Address, "0123456789ABCDEF", CardRevocationReason.Lost), CardRevocation.Parse(result.Revocation.Body));
        Assert.Equal("00000000000000B2", result.Card.Identity.Serial);
        Assert.Equal(CardLedgerScenario.Patient.Address, result.Card.Identity.Address);
        Assert.Equal(2048, result.Card.RsaKeySize);

        using var kiosk = PatientCardTestKit.KioskKeys();
        using (var reader = Reader(newCard, kiosk))
        {
            var read = await reader.ReadForCheckInAsync();
            using var keys = await reader.UnlockKeyMaterialAsync(NewPin);
            Assert.Equal("00000000000000B2", read.Identity.Serial);
            Assert.Equal(CardLedgerScenario.Patient.EncryptionKeyFingerprint, keys.EncryptionKeyFingerprint);
            await Assert.ThrowsAsync<WrongPinException>(() => reader.UnlockKeyMaterialAsync(PatientCardTestKit.Pin));
        }

        using var oldReader = Reader(oldCard, kiosk);
        var refused = await Assert.ThrowsAsync<PatientCardException>(() => oldReader.ReadForCheckInAsync());
        Assert.Equal(PatientCardError.Revoked, refused.Error);
        Assert.Contains("revoked (lost)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReissueAsync_Retried_RevokesOnlyOnce()
    {
        await _ledger.DeclareAsync();
        var (_, firstTry) = PatientCardTestKit.BlankCard();
        var (_, secondTry) = PatientCardTestKit.BlankCard();
        using var enrolment = PatientCardTestKit.EnrolmentKeys();

        var first = await Reissue(enrolment).ReissueAsync(firstTry, Request(), NewCardRequest());
        var second = await Reissue(enrolment).ReissueAsync(secondTry, Request(), NewCardRequest() with { CardSerial = NewSerial + 1 });

        Assert.NotNull(first.Revocation);
        Assert.Null(second.Revocation);
        Assert.Equal(CardRevocationReason.Lost, await _ledger.Ledger.GetCardRevocationAsync(CardLedgerScenario.Patient.Address, "0123456789ABCDEF"));
    }

    [Fact]
    public async Task ReissueAsync_WrongBackupPassphrase_NothingRevokedNothingWritten()
    {
        await _ledger.DeclareAsync();
        var (card, transport) = PatientCardTestKit.BlankCard();
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        var head = await _ledger.Ledger.GetHeadAsync();

        await Assert.ThrowsAsync<WrongPassphraseException>(() => Reissue(enrolment).ReissueAsync(transport, Request() with { BackupPassphrase = "wrong" }, NewCardRequest()));

        Assert.Equal(head.Position, (await _ledger.Ledger.GetHeadAsync()).Position);
        Assert.Equal(0, transport.CommandsSent);
        Assert.NotNull(card);
    }

    [Fact]
    public async Task ReissueAsync_PatientNotOnLedger_Refused()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var enrolment = PatientCardTestKit.EnrolmentKeys();

        var error = await Assert.ThrowsAsync<CardReissueException>(() => Reissue(enrolment).ReissueAsync(transport, Request(), NewCardRequest()));

        Assert.Contains("not declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReissueAsync_BackupOfOtherKeys_Refused()
    {
        await _ledger.DeclareAsync();
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        using var rotated = CardLedgerScenario.Patient.WithNewEncryptionKey(2048);
        var staleBackup = ParticipantKeyFile.Seal(rotated, BackupPassphrase, Argon2Parameters.FastForTests);

        var error = await Assert.ThrowsAsync<CardReissueException>(() => Reissue(enrolment).ReissueAsync(transport, Request() with { BackupKeyFile = staleBackup }, NewCardRequest()));

        Assert.Contains("older backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReissueAsync_SameSerialAsTheReplacedCard_Refused()
    {
        var (_, transport) = PatientCardTestKit.BlankCard();
        using var enrolment = PatientCardTestKit.EnrolmentKeys();

        await Assert.ThrowsAsync<ArgumentException>(() => Reissue(enrolment).ReissueAsync(transport, Request(), NewCardRequest() with { CardSerial = PatientCardTestKit.Serial }));
    }

    public void Dispose() => _ledger.Dispose();

    private static CardReissueRequest Request() =>
        new(ParticipantKeyFile.Seal(CardLedgerScenario.Patient, BackupPassphrase, Argon2Parameters.FastForTests), BackupPassphrase, "0123456789ABCDEF");

    private static PersonalizationRequest NewCardRequest() =>
        PatientCardTestKit.Request(serial: NewSerial) with { Pin = NewPin, CreateParticipant = _ => throw new InvalidOperationException("Re-issue must use the restored keys.") };

    private CardReissue Reissue(IKeyProvider enrolment) => new(new CardPersonalizer(enrolment, _ledger.Clock), _ledger.Ledger);

    private PatientCardReader Reader(Transport.ICardTransport transport, IKeyProvider keys) =>
        new(transport, keys, new StationIdentity("kiosk-1", StationRole.CheckIn), new PinAttemptLimiter(_ledger.Clock), _ledger.Clock, new LedgerCardRevocationCheck(_ledger.Ledger));
}
