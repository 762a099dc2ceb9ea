using System.Security.Cryptography;
using System.Text;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Reads a patient card at one station, for one tap. Check-in (K2) reads card info and identity and,
/// on PIN entry, unlocks the key material; emergency (K3) reads card info and the emergency summary.
/// Each read appends an access log record. Foreign, damaged and unfinished cards raise
/// <see cref="PatientCardException"/> naming the case.
/// </summary>
public sealed class PatientCardReader : IDisposable
{
    private readonly ICardTransport _transport;
    private readonly DesfireSession _session;
    private readonly IKeyProvider _keys;
    private readonly StationIdentity _station;
    private readonly PinAttemptLimiter _pinLimiter;
    private readonly TimeProvider _time;
    private readonly ICardRevocationCheck? _revocations;
    private byte[]? _uid;
    private CardInfo? _info;
    private CardIdentity? _identity;

    /// <summary>A reader for one tap; <paramref name="revocations"/> (the ledger) is null only for offline use.</summary>
    public PatientCardReader(ICardTransport transport, IKeyProvider keys, StationIdentity station, PinAttemptLimiter pinLimiter, TimeProvider time, ICardRevocationCheck? revocations = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(pinLimiter);
        ArgumentNullException.ThrowIfNull(time);
        _transport = transport;
        _session = new DesfireSession(transport);
        _keys = keys;
        _station = station;
        _pinLimiter = pinLimiter;
        _time = time;
        _revocations = revocations;
    }

    /// <summary>Check-in: card info and identity with K2; logs "read identity".</summary>
    public async Task<CheckInCardRead> ReadForCheckInAsync(CancellationToken cancellationToken = default)
    {
        var info = await OpenAsync(CardKeyRole.Read, PatientCardProfile.ReadKey, cancellationToken);
        var image = await ReadFileAsync(PatientCardProfile.IdentityFile, info.IdentityLength, PatientCardProfile.IdentityCommMode, cancellationToken);
        var identity = CardIdentity.Parse(ContentOf(image, "identity"));
        if (identity.Serial != info.SerialText)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, "The identity file belongs to another card serial than the card info.");
        }

        if (_revocations is not null && await _revocations.GetRevocationAsync(identity.Address, identity.Serial, cancellationToken) is { } reason)
        {
            throw new PatientCardException(PatientCardError.Revoked, $"This card was revoked ({reason.ToString().ToLowerInvariant()}); the patient has a newer card or must get one.");
        }

        _identity = identity;
        await AppendLogAsync(AccessLogAction.ReadIdentity, cancellationToken);
        return new CheckInCardRead(_uid!, info, identity);
    }

    /// <summary>
    /// Opens the key material with the PIN (after <see cref="ReadForCheckInAsync"/>). The caller
    /// disposes the participant, which zeroes its keys.
    /// </summary>
    /// <exception cref="WrongPinException">Wrong PIN; says how many tries are left or how long the card is refused.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs for this card recently.</exception>
    public async Task<Participant> UnlockKeyMaterialAsync(string pin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (_identity is null || _info is null)
        {
            throw new InvalidOperationException("Read the card for check-in before unlocking its key material.");
        }

        var serial = _info.SerialText;
        _pinLimiter.EnsureAllowed(serial);
        if (_session.AuthenticatedKeyNumber != PatientCardProfile.ReadKey)
        {
            await AuthenticateAsync(CardKeyRole.Read, PatientCardProfile.ReadKey, cancellationToken);
        }

        var image = await ReadFileAsync(PatientCardProfile.KeyMaterialFile, _info.KeyMaterialLength, PatientCardProfile.KeyMaterialCommMode, cancellationToken);
        var content = ContentOf(image, "key material");
        CryptographicOperations.ZeroMemory(image);
        string json;
        try
        {
            json = Encoding.UTF8.GetString(content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }

        try
        {
            var participant = CardKeyMaterial.Open(json, pin, _identity.Address, _identity.Role.LedgerRole());
            _pinLimiter.RecordSuccess(serial);
            return participant;
        }
        catch (WrongPassphraseException)
        {
            throw _pinLimiter.RecordFailure(serial);
        }
        catch (KeyFileFormatException e)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, "The key material file is malformed or belongs to another address.", e);
        }
    }

    /// <summary>Emergency: card info and the emergency summary with K3; logs "read emergency" before checking the author signature.</summary>
    /// <exception cref="PatientCardException">BadSignature when the summary's signature does not verify.</exception>
    public async Task<EmergencyCardRead> ReadForEmergencyAsync(CancellationToken cancellationToken = default)
    {
        var info = await OpenAsync(CardKeyRole.Emergency, PatientCardProfile.EmergencyKey, cancellationToken);
        // The card info's length sizes file 03; an update since issue may hold shorter content, so the file's own prefix counts.
        var image = await ReadFileAsync(PatientCardProfile.EmergencySummaryFile, info.EmergencySummaryLength, PatientCardProfile.EmergencySummaryCommMode, cancellationToken, exactLength: false);
        var signedSummary = EmergencySummaryPayload.Decompress(ContentOf(image, "emergency summary"));
        await AppendLogAsync(AccessLogAction.ReadEmergency, cancellationToken);
        return new EmergencyCardRead(_uid!, info, EmergencySummary.ParseSigned(signedSummary), signedSummary);
    }

    /// <summary>
    /// Emergency, after the tap: records on the card (K3 may append to the log) that the patient's
    /// emergency records were read online. Logs nothing when another card is in the field.
    /// </summary>
    /// <returns>False when the card in the field is not the card <paramref name="cardSerial"/>.</returns>
    public async Task<bool> RecordEmergencyRecordsReadAsync(string cardSerial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cardSerial);
        var info = await OpenAsync(CardKeyRole.Emergency, PatientCardProfile.EmergencyKey, cancellationToken);
        if (!string.Equals(info.SerialText, cardSerial, StringComparison.Ordinal))
        {
            return false;
        }

        await AppendLogAsync(AccessLogAction.ReadEmergencyRecords, cancellationToken);
        return true;
    }

    /// <summary>The access log, oldest first (after a check-in or emergency read of this tap).</summary>
    public async Task<IReadOnlyList<AccessLogRecord>> ReadAccessLogAsync(CancellationToken cancellationToken = default)
    {
        if (_info is null || !_session.IsAuthenticated)
        {
            throw new InvalidOperationException("Read the card for check-in or emergency before listing its log.");
        }

        try
        {
            var data = await _session.ReadRecordsAsync(PatientCardProfile.AccessLogFile, 0, 0, PatientCardProfile.AccessLogCommMode, cancellationToken: cancellationToken);
            return AccessLogRecord.ParseMany(data);
        }
        catch (DesfireException e) when (e.Status == DesfireStatus.BoundaryError)
        {
            return [];
        }
    }

    public void Dispose() => _session.Dispose();

    /// <summary>The session of this tap, for the profile's writers.</summary>
    internal DesfireSession Session => _session;

    /// <summary>UID, application, card info, then authentication with <paramref name="keyNumber"/>: the start of every tap.</summary>
    internal Task<CardInfo> OpenWithKeyAsync(CardKeyRole role, byte keyNumber, CancellationToken cancellationToken) => OpenAsync(role, keyNumber, cancellationToken);

    /// <summary>Authenticates again in this tap with another key of the profile.</summary>
    internal Task SwitchKeyAsync(CardKeyRole role, byte keyNumber, CancellationToken cancellationToken) => AuthenticateAsync(role, keyNumber, cancellationToken);

    /// <summary>The identity read by <see cref="ReadForCheckInAsync"/> in this tap.</summary>
    internal CardIdentity RequireCheckedIn() =>
        _identity ?? throw new InvalidOperationException("Read the card for check-in first.");

    /// <summary>Appends an access log record for something done with the unlocked keys (a grant, a refusal).</summary>
    internal Task RecordActionAsync(AccessLogAction action, CancellationToken cancellationToken) =>
        _info is null || !_session.IsAuthenticated
            ? throw new InvalidOperationException("Open the card before recording an action on it.")
            : AppendLogAsync(action, cancellationToken);

    private static byte[] ContentOf(byte[] image, string what) =>
        PatientCardProfile.FromFileImage(image)
        ?? throw new PatientCardException(PatientCardError.CorruptContent, $"The {what} file's length prefix does not fit the file.");

    private async Task<CardInfo> OpenAsync(CardKeyRole role, byte keyNumber, CancellationToken cancellationToken)
    {
        _info = null;
        _identity = null;
        _uid = await CardUidReader.ReadAsync(_transport, _session, cancellationToken);
        try
        {
            await _session.SelectApplicationAsync(PatientCardProfile.Application, cancellationToken);
        }
        catch (DesfireException e) when (e.Status == DesfireStatus.ApplicationNotFound)
        {
            throw new PatientCardException(PatientCardError.NoMedBlocksApplication, "The card is a DESFire without the MedBlocks application.", e);
        }
        catch (DesfireException e)
        {
            throw new PatientCardException(PatientCardError.NotDesfire, "The card does not select a DESFire application as a DESFire does.", e);
        }
        catch (DesfireProtocolException e)
        {
            throw new PatientCardException(PatientCardError.NotDesfire, "The card does not answer as a MIFARE DESFire.", e);
        }

        byte[] infoBytes;
        try
        {
            infoBytes = await _session.ReadDataAsync(PatientCardProfile.CardInfoFile, 0, CardInfo.Size, PatientCardProfile.CardInfoCommMode, cancellationToken);
        }
        catch (DesfireException e) when (e.Status is DesfireStatus.FileNotFound or DesfireStatus.BoundaryError)
        {
            throw new PatientCardException(PatientCardError.NotIssued, "The MedBlocks application has no card info: personalisation did not complete.", e);
        }
        catch (DesfireException e) when (e.Status is DesfireStatus.AuthenticationError or DesfireStatus.PermissionDenied)
        {
            throw new PatientCardException(PatientCardError.ForeignNetwork, "The card's MedBlocks application does not follow this network's profile.", e);
        }

        var info = CardInfo.Parse(infoBytes);
        await AuthenticateAsync(role, keyNumber, cancellationToken);
        _info = info;
        return info;
    }

    private async Task AuthenticateAsync(CardKeyRole role, byte keyNumber, CancellationToken cancellationToken)
    {
        using DesfireKey key = await _keys.GetApplicationKeyAsync(role, _uid!, cancellationToken);
        try
        {
            await _session.AuthenticateAsync(keyNumber, key, cancellationToken);
        }
        catch (DesfireException e) when (e.Status is DesfireStatus.AuthenticationError or DesfireStatus.NoSuchKey)
        {
            throw new PatientCardException(PatientCardError.ForeignNetwork, "The card's keys are not this network's: a card from another network.", e);
        }
        catch (DesfireIntegrityException e)
        {
            throw new PatientCardException(PatientCardError.ForeignNetwork, "The card could not prove this network's key: a card from another network.", e);
        }
    }

    /// <summary>
    /// Reads a file image with the exact length the card info announces: one ReadData, and no guessing
    /// where the CRC of an enciphered zero-padded answer sits.
    /// </summary>
    private async Task<byte[]> ReadFileAsync(byte file, int contentLength, DesfireCommMode commMode, CancellationToken cancellationToken, bool exactLength = true)
    {
        if (contentLength == 0)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"The card info announces an empty file {file:X2}.");
        }

        byte[] image;
        try
        {
            image = await _session.ReadDataAsync(file, 0, PatientCardProfile.FileSizeFor(contentLength), commMode, cancellationToken);
        }
        catch (DesfireException e) when (e.Status is DesfireStatus.FileNotFound or DesfireStatus.PermissionDenied or DesfireStatus.BoundaryError)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"File {file:X2} is missing, smaller than announced, or has other access rights than the profile's.", e);
        }

        if (exactLength && ((image[0] << 8) | image[1]) != contentLength)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"File {file:X2} holds another length than the card info announces.");
        }

        return image;
    }

    private async Task AppendLogAsync(AccessLogAction action, CancellationToken cancellationToken)
    {
        var record = new AccessLogRecord(_time.GetUtcNow(), _station.StationId, _station.Role, action).ToBytes();
        await _session.WriteRecordAsync(PatientCardProfile.AccessLogFile, 0, record, PatientCardProfile.AccessLogCommMode, cancellationToken);
        await _session.CommitTransactionAsync(cancellationToken);
    }
}
