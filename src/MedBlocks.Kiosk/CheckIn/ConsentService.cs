using MedBlocks.Core.Ledger;
using MedBlocks.Core.Sharing;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.CheckIn;

/// <summary>
/// The check-in consent step's work: list the patient's MedBlocks from the ledger (no decryption), and
/// grant a clinician of the site's directory several of them with one PIN entry on the card that
/// checked in. The PIN goes from the keypad to the card reader and is not kept.
/// </summary>
public sealed partial class ConsentService(
    ILedger ledger,
    MedBlockService records,
    ClinicianDirectory directory,
    CardInReader card,
    IKeyProvider keys,
    StationIdentity station,
    PinAttemptLimiter pinLimiter,
    TimeProvider time,
    ILogger<ConsentService> logger,
    ICardRevocationCheck? revocations = null)
{
    /// <summary>The patient's MedBlocks that can be shared (not refused), newest first.</summary>
    /// <exception cref="LedgerException">The ledger cannot be read.</exception>
    public async Task<IReadOnlyList<ShareableRecord>> ListAsync(string patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var clinicians = directory.All().ToDictionary(c => c.Address, c => c.Name, StringComparer.Ordinal);
        var views = await ledger.GetPatientMedBlocksAsync(patient, cancellationToken);
        return
        [
            .. views
                .Where(v => !v.Refused && !v.Legacy)
                .OrderByDescending(v => v.Position)
                .Select(v => new ShareableRecord(
                    v.Hash,
                    v.ContentType,
                    v.Time,
                    clinicians.GetValueOrDefault(v.Author),
                    v.Emergency,
                    v.Keys.Keys.ToHashSet(StringComparer.Ordinal))),
        ];
    }

    public IReadOnlyList<Clinician> Clinicians() => directory.All();

    /// <summary>
    /// On the card now in the reader, which must be the one that checked in (same ledger address and
    /// serial): unlocks the keys with <paramref name="pin"/> and grants <paramref name="clinician"/> each
    /// of <paramref name="medBlocks"/>.
    /// </summary>
    /// <exception cref="WrongPinException">Wrong PIN; nothing was granted.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs.</exception>
    /// <exception cref="DifferentCardException">Another card is on the reader.</exception>
    /// <exception cref="CardSharingIncompleteException">Some grants were written before one failed.</exception>
    /// <exception cref="MedBlocks.SmartCards.Transport.CardRemovedException">The card is not (or no longer) on the reader.</exception>
    public async Task<ConsentResult> GrantAsync(PatientGreeted patient, IReadOnlyList<string> medBlocks, string clinician, string pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(medBlocks);
        ArgumentNullException.ThrowIfNull(pin);
        var grantee = directory.Find(clinician) ?? throw new ArgumentException("The clinician is not in the site's directory.", nameof(clinician));
        var entries = await card.UseAsync(
            async (transport, ct) =>
            {
                using var reader = new PatientCardReader(transport, keys, station, pinLimiter, time, revocations);
                var read = await reader.ReadForCheckInAsync(ct);
                if (!string.Equals(read.Identity.Address, patient.Address, StringComparison.Ordinal)
                    || !string.Equals(read.Info.SerialText, patient.CardSerial, StringComparison.Ordinal))
                {
                    throw new DifferentCardException();
                }

                return await new CardSharing(records).GrantManyAsync(reader, pin, medBlocks, grantee.Address, ct);
            },
            cancellationToken);
        var granted = entries.Count(e => e is not null);
        Log.Granted(logger, granted, entries.Count - granted, patient.CardSerial[^4..]);
        return new ConsentResult(grantee.Name, granted, entries.Count - granted);
    }

    private static partial class Log
    {
        [LoggerMessage(500, LogLevel.Information, "Consent: {Granted} records granted, {AlreadyShared} already shared, card ending {SerialTail}")]
        public static partial void Granted(ILogger logger, int granted, int alreadyShared, string serialTail);
    }
}
