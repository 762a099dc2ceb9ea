using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Re-issue of a lost, stolen or damaged patient card: the patient's keys are restored from their
/// encrypted backup key file, checked against the patient's identity on the ledger, the old card
/// serial is revoked with a <c>revoke-card</c> entry signed by the patient, and a new card with a new
/// serial is personalised with the same keys under the new PIN.
/// </summary>
/// <remarks>
/// The revocation comes first: a lost card must stop working even if the new card is not finished.
/// A retry after a failed personalisation finds the revocation in place and appends no second one.
/// </remarks>
public sealed class CardReissue
{
    private readonly CardPersonalizer _personalizer;
    private readonly ILedger _ledger;

    public CardReissue(CardPersonalizer personalizer, ILedger ledger)
    {
        ArgumentNullException.ThrowIfNull(personalizer);
        ArgumentNullException.ThrowIfNull(ledger);
        _personalizer = personalizer;
        _ledger = ledger;
    }

    /// <param name="transport">The new card, blank (or formattable as <paramref name="card"/> allows).</param>
    /// <param name="reissue">Backup key file, its passphrase, the replaced serial and why.</param>
    /// <param name="card">The new card's content; its <see cref="PersonalizationRequest.CreateParticipant"/> is replaced by the restored keys.</param>
    /// <param name="cancellationToken">Stops the re-issue between card commands.</param>
    /// <exception cref="WrongPassphraseException">The backup passphrase is wrong.</exception>
    /// <exception cref="KeyFileFormatException">The backup file is not a participant key file.</exception>
    /// <exception cref="CardReissueException">The backup is not a declared patient's current keys.</exception>
    /// <exception cref="PatientCardException">The new card cannot be personalised.</exception>
    public Task<CardReissueResult> ReissueAsync(ICardTransport transport, CardReissueRequest reissue, PersonalizationRequest card, CancellationToken cancellationToken = default) =>
        ReissueAsync(transport, reissue, card, progress: null, cancellationToken);

    /// <summary>As <see cref="ReissueAsync(ICardTransport, CardReissueRequest, PersonalizationRequest, CancellationToken)"/>, reporting the new card's personalisation steps.</summary>
    public async Task<CardReissueResult> ReissueAsync(ICardTransport transport, CardReissueRequest reissue, PersonalizationRequest card, IProgress<PersonalizationStep>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(reissue);
        ArgumentNullException.ThrowIfNull(card);
        if (card.Role.IsStaff())
        {
            throw new ArgumentException("Re-issue with revocation is for patient cards; a staff card is replaced by issuing a new one.", nameof(card));
        }

        if (card.CardSerial is { } fixedSerial && CardInfo.FormatSerial(fixedSerial) == reissue.ReplacedSerial)
        {
            throw new ArgumentException("The new card needs a serial other than the replaced card's.", nameof(card));
        }

        using var patient = ParticipantKeyFile.Open(reissue.BackupKeyFile, reissue.BackupPassphrase);
        await RequireDeclaredPatientAsync(patient, cancellationToken).ConfigureAwait(false);
        var revocation = await _ledger.GetCardRevocationAsync(patient.Address, reissue.ReplacedSerial, cancellationToken).ConfigureAwait(false) is null
            ? await _ledger.AppendAsync(patient, new CardRevocation(patient.Address, reissue.ReplacedSerial, reissue.Reason), cancellationToken).ConfigureAwait(false)
            : null;
        var result = await _personalizer.PersonalizeAsync(transport, card with { CreateParticipant = _ => patient }, progress, cancellationToken).ConfigureAwait(false);
        return new CardReissueResult(result, revocation);
    }

    private async Task RequireDeclaredPatientAsync(Participant patient, CancellationToken cancellationToken)
    {
        if (patient.Role != ParticipantRole.Patient)
        {
            throw new CardReissueException($"The backup key file holds the keys of a {patient.Role.ToName()}, not of a patient.");
        }

        var declared = await _ledger.GetParticipantAsync(patient.Address, cancellationToken).ConfigureAwait(false)
            ?? throw new CardReissueException($"The patient {patient.Address} is not declared on the ledger; enrol the patient instead.");
        if (declared.Role != ParticipantRole.Patient || declared.EncryptionKeyFingerprint != patient.EncryptionKeyFingerprint)
        {
            throw new CardReissueException($"The backup key file does not hold the keys the ledger declares for {patient.Address}; it may be an older backup.");
        }
    }
}
