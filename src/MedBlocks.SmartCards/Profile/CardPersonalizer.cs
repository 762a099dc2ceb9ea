using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MedBlocks.Core.Participants;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Enrolment: turns a factory-default DESFire (EV1 or later, 4 KB or more) into an issued patient
/// card, or restarts an interrupted personalisation. Card info (file 00) is written only after all
/// other files are committed and read back, so a card pulled at any point is either blank, restartable
/// (our PICC key, no valid card info) or completely issued.
/// </summary>
public sealed class CardPersonalizer
{
    /// <summary>The most room kept in file 03 beyond the summary written at issue.</summary>
    public const int MaxEmergencySummaryReserve = 2048;

    private readonly IKeyProvider _keys;
    private readonly TimeProvider _time;

    public CardPersonalizer(IKeyProvider keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        _keys = keys;
        _time = time;
    }

    /// <summary>What the card in the field is, for this network's enrolment.</summary>
    public async Task<CardCondition> InspectAsync(ICardTransport transport, CancellationToken cancellationToken = default)
    {
        using var session = new DesfireSession(transport);
        var (_, uid) = await CheckCardAsync(session, cancellationToken);
        return await InspectAsync(session, uid, cancellationToken);
    }

    /// <summary>Personalises the card in the field and verifies it by reading everything back.</summary>
    /// <exception cref="PatientCardException">The emergency summary is unsigned or malformed; the card is unsuitable, foreign, already issued, too small, or failed verification.</exception>
    /// <exception cref="MissingMasterKeyException">This station lacks a master key of enrolment.</exception>
    /// <exception cref="CardRemovedException">The card left the field; tap it again to restart.</exception>
    public async Task<PersonalizationResult> PersonalizeAsync(ICardTransport transport, PersonalizationRequest request, IProgress<PersonalizationStep>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(request);
        EmergencySummary.ParseSigned(request.SignedEmergencySummary.Span);
        using var session = new DesfireSession(transport);
        progress?.Report(PersonalizationStep.CheckingCard);
        var (version, uid) = await CheckCardAsync(session, cancellationToken);
        var storage = version.Software.StorageSize;
        var condition = await InspectAsync(session, uid, cancellationToken);
        using var piccKey = await _keys.GetPiccMasterKeyAsync(uid, cancellationToken);
        var restarted = false;
        switch (condition)
        {
            case CardCondition.Blank:
                progress?.Report(PersonalizationStep.SecuringPicc);
                using (var factory = DesfireKey.FactoryDefault())
                {
                    await session.AuthenticateAsync(0, factory, cancellationToken);
                }

                await session.ChangeKeyAsync(0, piccKey, cancellationToken: cancellationToken);
                await session.AuthenticateAsync(0, piccKey, cancellationToken);
                break;
            case CardCondition.Issued when !request.FormatIssuedCard:
                throw new PatientCardException(PatientCardError.AlreadyIssued, "The card is already an issued MedBlocks card; format it explicitly to personalise it again.");
            case CardCondition.Issued or CardCondition.Interrupted:
                progress?.Report(PersonalizationStep.RestartingInterrupted);
                restarted = true;
                await session.AuthenticateAsync(0, piccKey, cancellationToken);
                await session.FormatPiccAsync(cancellationToken);
                break;
            default:
                throw new PatientCardException(PatientCardError.OtherApplications, "The card has the factory PICC key but holds other applications; format it knowingly before personalising.");
        }

        progress?.Report(PersonalizationStep.SecuringPicc);
        await session.ChangeKeySettingsAsync(PatientCardProfile.PiccKeySettings, cancellationToken);
        var freeBefore = await session.FreeMemoryAsync(cancellationToken);

        var logRecords = PatientCardProfile.AccessLogCapacity(storage);
        var emergency = EmergencySummaryPayload.Compress(request.SignedEmergencySummary.Span);
        if (request.EmergencySummaryReserve is < 0 or > MaxEmergencySummaryReserve)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.EmergencySummaryReserve, $"The emergency summary reserve is 0 to {MaxEmergencySummaryReserve} bytes.");
        }

        var emergencyRoom = emergency.Length + request.EmergencySummaryReserve;
        var identityEstimate = 200 + Encoding.UTF8.GetByteCount(request.Name);
        var rsaBits = CardCapacity.ChooseRsaKeySize(freeBefore, identityEstimate, emergencyRoom, logRecords);

        progress?.Report(PersonalizationStep.GeneratingKeys);
        var participant = request.CreateParticipant(rsaBits);
        if (participant.Role != request.Role.LedgerRole())
        {
            throw new ArgumentException($"A {request.Role.ToName()} card carries keys of ledger role {request.Role.LedgerRole().ToName()}, not {participant.Role.ToName()}.", nameof(request));
        }

        var serial = request.CardSerial ?? RandomSerial();
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var identity = new CardIdentity(participant.Address, participant.EncryptionKeyFingerprint, request.Name, request.BirthDate, request.Sex, CardInfo.FormatSerial(serial), today, request.Role);
        var identityJson = identity.ToJsonBytes();
        var identityImage = PatientCardProfile.ToFileImage(identityJson);
        var keyMaterialJson = Encoding.UTF8.GetBytes(CardKeyMaterial.Seal(participant, request.Pin, request.Kdf));
        var keyMaterialImage = PatientCardProfile.ToFileImage(keyMaterialJson);
        var info = new CardInfo(PatientCardProfile.Version, serial, request.IssuerId, today, (ushort)identityJson.Length, (ushort)keyMaterialJson.Length, (ushort)emergencyRoom);
        CryptographicOperations.ZeroMemory(keyMaterialJson);
        var emergencyImage = PatientCardProfile.ToFileImage(emergency, PatientCardProfile.FileSizeFor(emergencyRoom));
        var required = CardCapacity.Required(identityImage.Length - 2, keyMaterialImage.Length - 2, emergencyImage.Length - 2, logRecords);
        if (required > freeBefore)
        {
            throw new PatientCardException(PatientCardError.CardTooSmall, $"The card content needs {required} bytes of EEPROM; the card has {freeBefore} free (RSA {participant.EncryptionKeySize}).");
        }

        progress?.Report(PersonalizationStep.CreatingApplication);
        await session.CreateApplicationAsync(PatientCardProfile.Application, PatientCardProfile.ApplicationKeySettings, PatientCardProfile.ApplicationKeyCount, DesfireKeyType.Aes, cancellationToken);
        await session.SelectApplicationAsync(PatientCardProfile.Application, cancellationToken);

        progress?.Report(PersonalizationStep.SettingApplicationKeys);
        using var applicationMaster = await _keys.GetApplicationKeyAsync(CardKeyRole.ApplicationMaster, uid, cancellationToken);
        using var writeKey = await _keys.GetApplicationKeyAsync(CardKeyRole.Write, uid, cancellationToken);
        using var readKey = await _keys.GetApplicationKeyAsync(CardKeyRole.Read, uid, cancellationToken);
        using var emergencyKey = await _keys.GetApplicationKeyAsync(CardKeyRole.Emergency, uid, cancellationToken);
        using (var zero = DesfireKey.Aes(new byte[16]))
        {
            await session.AuthenticateAsync(PatientCardProfile.ApplicationMasterKey, zero, cancellationToken);
            await session.ChangeKeyAsync(PatientCardProfile.WriteKey, writeKey, zero, cancellationToken);
            await session.ChangeKeyAsync(PatientCardProfile.ReadKey, readKey, zero, cancellationToken);
            await session.ChangeKeyAsync(PatientCardProfile.EmergencyKey, emergencyKey, zero, cancellationToken);
            using var reserved = DesfireKey.Aes(RandomNumberGenerator.GetBytes(16), PatientCardProfile.KeyVersion);
            await session.ChangeKeyAsync(PatientCardProfile.ReservedKey, reserved, zero, cancellationToken);
            await session.ChangeKeyAsync(PatientCardProfile.ApplicationMasterKey, applicationMaster, cancellationToken: cancellationToken);
        }

        progress?.Report(PersonalizationStep.CreatingFiles);
        await session.AuthenticateAsync(PatientCardProfile.ApplicationMasterKey, applicationMaster, cancellationToken);
        await session.CreateStdDataFileAsync(PatientCardProfile.CardInfoFile, PatientCardProfile.CardInfoCommMode, PatientCardProfile.CardInfoRights, CardInfo.Size, cancellationToken);
        await session.CreateBackupDataFileAsync(PatientCardProfile.IdentityFile, PatientCardProfile.IdentityCommMode, PatientCardProfile.IdentityRights, identityImage.Length, cancellationToken);
        await session.CreateStdDataFileAsync(PatientCardProfile.KeyMaterialFile, PatientCardProfile.KeyMaterialCommMode, PatientCardProfile.KeyMaterialRights, keyMaterialImage.Length, cancellationToken);
        await session.CreateBackupDataFileAsync(PatientCardProfile.EmergencySummaryFile, PatientCardProfile.EmergencySummaryCommMode, PatientCardProfile.EmergencySummaryRights, emergencyImage.Length, cancellationToken);
        await session.CreateCyclicRecordFileAsync(PatientCardProfile.AccessLogFile, PatientCardProfile.AccessLogCommMode, PatientCardProfile.AccessLogRights, PatientCardProfile.AccessLogRecordSize, logRecords, cancellationToken);

        progress?.Report(PersonalizationStep.WritingContent);
        await session.AuthenticateAsync(PatientCardProfile.WriteKey, writeKey, cancellationToken);
        await session.WriteDataAsync(PatientCardProfile.IdentityFile, 0, identityImage, PatientCardProfile.IdentityCommMode, cancellationToken);
        await session.WriteDataAsync(PatientCardProfile.KeyMaterialFile, 0, keyMaterialImage, PatientCardProfile.KeyMaterialCommMode, cancellationToken);
        await session.WriteDataAsync(PatientCardProfile.EmergencySummaryFile, 0, emergencyImage, PatientCardProfile.EmergencySummaryCommMode, cancellationToken);
        await session.CommitTransactionAsync(cancellationToken);

        progress?.Report(PersonalizationStep.Verifying);
        await session.AuthenticateAsync(PatientCardProfile.ReadKey, readKey, cancellationToken);
        await VerifyFileAsync(session, PatientCardProfile.IdentityFile, identityImage, PatientCardProfile.IdentityCommMode, cancellationToken);
        var storedKeyMaterial = await session.ReadDataAsync(PatientCardProfile.KeyMaterialFile, 0, keyMaterialImage.Length, PatientCardProfile.KeyMaterialCommMode, cancellationToken);
        VerifySame(PatientCardProfile.KeyMaterialFile, keyMaterialImage, storedKeyMaterial);
        using (var reopened = CardKeyMaterial.Open(Encoding.UTF8.GetString(PatientCardProfile.FromFileImage(storedKeyMaterial)!), request.Pin, participant.Address, participant.Role))
        {
            // Opening proves the PIN, the KDF parameters and the address binding before the card is declared issued.
        }

        CryptographicOperations.ZeroMemory(storedKeyMaterial);
        CryptographicOperations.ZeroMemory(keyMaterialImage);
        await session.AuthenticateAsync(PatientCardProfile.EmergencyKey, emergencyKey, cancellationToken);
        await VerifyFileAsync(session, PatientCardProfile.EmergencySummaryFile, emergencyImage, PatientCardProfile.EmergencySummaryCommMode, cancellationToken);

        progress?.Report(PersonalizationStep.WritingCardInfo);
        var infoBytes = info.ToBytes();
        await session.AuthenticateAsync(PatientCardProfile.WriteKey, writeKey, cancellationToken);
        await session.WriteDataAsync(PatientCardProfile.CardInfoFile, 0, infoBytes, PatientCardProfile.CardInfoCommMode, cancellationToken);
        await VerifyFileAsync(session, PatientCardProfile.CardInfoFile, infoBytes, PatientCardProfile.CardInfoCommMode, cancellationToken);
        var freeAfter = await session.FreeMemoryAsync(cancellationToken);
        progress?.Report(PersonalizationStep.Issued);
        return new PersonalizationResult(uid, info, identity, participant.EncryptionKeySize, storage, freeBefore, freeAfter, restarted);
    }

    /// <summary>
    /// Wipes an issued or interrupted card of this network back to an empty PICC under our PICC key,
    /// ready for <see cref="PersonalizeAsync"/>.
    /// </summary>
    public async Task FormatAsync(ICardTransport transport, CancellationToken cancellationToken = default)
    {
        using var session = new DesfireSession(transport);
        var (_, uid) = await CheckCardAsync(session, cancellationToken);
        using var piccKey = await _keys.GetPiccMasterKeyAsync(uid, cancellationToken);
        try
        {
            await session.AuthenticateAsync(0, piccKey, cancellationToken);
        }
        catch (DesfireException e) when (e.Status == DesfireStatus.AuthenticationError)
        {
            throw new PatientCardException(PatientCardError.ForeignNetwork, "The card's PICC key is not this network's: it cannot be formatted here.", e);
        }

        await session.FormatPiccAsync(cancellationToken);
    }

    /// <summary>
    /// PICC level, then GetVersion: an NXP DESFire EV1 or later with at least 4 KB; returns the version and UID.
    /// Selecting the PICC first ends an authentication left open on the card by an earlier connection
    /// (a card that stayed in the field): in that state the card MACs its GetVersion answer.
    /// </summary>
    internal static async Task<(DesfireVersion Version, byte[] Uid)> CheckCardAsync(DesfireSession session, CancellationToken cancellationToken)
    {
        DesfireVersion version;
        try
        {
            await session.SelectApplicationAsync(DesfireAid.Picc, cancellationToken);
            version = await session.GetVersionAsync(cancellationToken);
        }
        catch (Exception e) when (e is DesfireException or DesfireProtocolException or Iso7816.ApduFormatException)
        {
            throw new PatientCardException(PatientCardError.NotDesfire, "The card does not answer as a MIFARE DESFire.", e);
        }

        if (version.Hardware.Vendor != PatientCardProfile.NxpVendor || version.Product == DesfireProduct.Unknown)
        {
            throw new PatientCardException(PatientCardError.NotDesfire, $"The card is not a MIFARE DESFire (vendor {version.Hardware.Vendor:X2}, hardware {version.Hardware.Major:X2}).");
        }

        if (version.Product == DesfireProduct.Mf3Icd40)
        {
            throw new PatientCardException(PatientCardError.UnsupportedCard, "The card is a DESFire MF3ICD40 without AES; the profile needs EV1 or later.");
        }

        if (version.Software.StorageSize < PatientCardProfile.MinimumStorage)
        {
            throw new PatientCardException(PatientCardError.UnsupportedCard, $"The card has {version.Software.StorageSize} bytes of EEPROM; the profile needs {PatientCardProfile.MinimumStorage} or more.");
        }

        var uid = version.Uid.ToArray();
        if (uid.Length != 7 || !uid.AsSpan().ContainsAnyExcept((byte)0))
        {
            throw new PatientCardException(PatientCardError.UnsupportedCard, "The card hides its UID (random UID); keys are diversified by UID.");
        }

        return (version, uid);
    }

    private static ulong RandomSerial()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    private static async Task VerifyFileAsync(DesfireSession session, byte file, byte[] expected, DesfireCommMode commMode, CancellationToken cancellationToken)
    {
        // Exact length: a read to the end of an enciphered zero-padded file can misplace the CRC.
        var stored = await session.ReadDataAsync(file, 0, expected.Length, commMode, cancellationToken);
        VerifySame(file, expected, stored);
    }

    private static void VerifySame(byte file, byte[] expected, byte[] stored)
    {
        if (!expected.AsSpan().SequenceEqual(stored))
        {
            var first = expected.AsSpan().CommonPrefixLength(stored);
            throw new PatientCardException(PatientCardError.VerificationFailed, $"File {file:X2} reads back different from what was written ({stored.Length} bytes read, {expected.Length} written, first difference at {first}).");
        }
    }

    private async Task<CardCondition> InspectAsync(DesfireSession session, byte[] uid, CancellationToken cancellationToken)
    {
        using (var factory = DesfireKey.FactoryDefault())
        {
            try
            {
                await session.AuthenticateAsync(0, factory, cancellationToken);
                var applications = await session.GetApplicationIdsAsync(cancellationToken);
                return applications.Count == 0 ? CardCondition.Blank : CardCondition.FactoryKeyWithApplications;
            }
            catch (DesfireException e) when (e.Status is DesfireStatus.AuthenticationError or DesfireStatus.NoSuchKey or DesfireStatus.PermissionDenied)
            {
                // Not the factory key: ours or another network's.
            }
        }

        using var piccKey = await _keys.GetPiccMasterKeyAsync(uid, cancellationToken);
        try
        {
            await session.AuthenticateAsync(0, piccKey, cancellationToken);
        }
        catch (DesfireException e) when (e.Status == DesfireStatus.AuthenticationError)
        {
            throw new PatientCardException(PatientCardError.ForeignNetwork, "The card's PICC key is neither the factory key nor this network's: a card from another network.", e);
        }

        try
        {
            await session.SelectApplicationAsync(PatientCardProfile.Application, cancellationToken);
            var info = await session.ReadDataAsync(PatientCardProfile.CardInfoFile, 0, CardInfo.Size, PatientCardProfile.CardInfoCommMode, cancellationToken);
            CardInfo.Parse(info);
            return CardCondition.Issued;
        }
        catch (DesfireException e) when (e.Status is DesfireStatus.ApplicationNotFound or DesfireStatus.FileNotFound or DesfireStatus.PermissionDenied or DesfireStatus.AuthenticationError or DesfireStatus.BoundaryError)
        {
            return CardCondition.Interrupted;
        }
        catch (PatientCardException e) when (e.Error == PatientCardError.NotIssued)
        {
            return CardCondition.Interrupted;
        }
        catch (PatientCardException e) when (e.Error == PatientCardError.UnknownProfileVersion)
        {
            return CardCondition.Issued;
        }
        finally
        {
            await session.SelectApplicationAsync(DesfireAid.Picc, cancellationToken);
        }
    }
}
