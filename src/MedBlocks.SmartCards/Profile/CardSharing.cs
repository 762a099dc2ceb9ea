using MedBlocks.Core.Ledger;
using MedBlocks.Core.Sharing;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Grant and refuse from the patient's card at a kiosk: after a check-in read, the PIN opens the key
/// material, <see cref="MedBlockService"/> wraps the MedBlock's key for the grantee (or marks it
/// refused) and appends the signed entry, and the card's access log records the grant. The
/// unlocked keys are disposed (zeroed) before the method returns, whatever happens.
/// </summary>
public sealed class CardSharing
{
    private readonly MedBlockService _service;

    public CardSharing(MedBlockService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
    }

    /// <summary>Grants <paramref name="grantee"/> the key of <paramref name="medBlock"/>.</summary>
    /// <returns>The <c>grant</c> entry, or null when the grantee already held a key (nothing appended, nothing logged).</returns>
    /// <exception cref="WrongPinException">Wrong PIN.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs for this card.</exception>
    /// <exception cref="MedBlockSharingException">Not this patient's MedBlock, unknown MedBlock or grantee.</exception>
    public Task<LedgerEntry?> GrantAsync(PatientCardReader reader, string pin, string medBlock, string grantee, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(medBlock);
        ArgumentException.ThrowIfNullOrEmpty(grantee);
        return WithPatientKeysAsync(reader, pin, (patient, ct) => _service.GrantAsync(patient, medBlock, grantee, ct), cancellationToken);
    }

    /// <summary>
    /// Grants <paramref name="grantee"/> the keys of several MedBlocks with one PIN entry (one key
    /// unwrap, one Argon2id derivation), in the order given. The card's access log gets one grant
    /// record when anything was granted.
    /// </summary>
    /// <returns>Per MedBlock, the <c>grant</c> entry, or null when the grantee already held its key.</returns>
    /// <exception cref="WrongPinException">Wrong PIN: nothing was granted.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs for this card: nothing was granted.</exception>
    /// <exception cref="CardSharingIncompleteException">A grant failed after others were appended; it names those.</exception>
    public async Task<IReadOnlyList<LedgerEntry?>> GrantManyAsync(
        PatientCardReader reader,
        string pin,
        IReadOnlyList<string> medBlocks,
        string grantee,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(medBlocks);
        ArgumentException.ThrowIfNullOrEmpty(grantee);
        if (medBlocks.Count == 0 || medBlocks.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Name one or more MedBlocks.", nameof(medBlocks));
        }

        RequirePatientCard(reader);
        var entries = new List<LedgerEntry?>(medBlocks.Count);
        using (var patient = await reader.UnlockKeyMaterialAsync(pin, cancellationToken).ConfigureAwait(false))
        {
            foreach (var medBlock in medBlocks)
            {
                try
                {
                    entries.Add(await _service.GrantAsync(patient, medBlock, grantee, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (entries.Any(entry => entry is not null) && e is not OperationCanceledException)
                {
                    await RecordGrantAsync(reader, cancellationToken).ConfigureAwait(false);
                    throw new CardSharingIncompleteException([.. entries.OfType<LedgerEntry>()], e);
                }
            }
        }

        if (entries.Any(entry => entry is not null))
        {
            await RecordGrantAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        return entries;
    }

    /// <summary>Marks <paramref name="medBlock"/> refused (<c>approved: false</c>); history stays.</summary>
    /// <returns>The <c>refuse</c> entry, or null when it was already refused.</returns>
    /// <exception cref="WrongPinException">Wrong PIN.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs for this card.</exception>
    /// <exception cref="MedBlockSharingException">Not this patient's MedBlock or unknown MedBlock.</exception>
    public Task<LedgerEntry?> RefuseAsync(PatientCardReader reader, string pin, string medBlock, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(medBlock);
        return WithPatientKeysAsync(reader, pin, (patient, ct) => _service.RefuseAsync(patient, medBlock, ct), cancellationToken);
    }

    private static async Task<LedgerEntry?> WithPatientKeysAsync(
        PatientCardReader reader,
        string pin,
        Func<Core.Participants.Participant, CancellationToken, Task<LedgerEntry?>> action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(pin);
        RequirePatientCard(reader);

        LedgerEntry? entry;
        using (var patient = await reader.UnlockKeyMaterialAsync(pin, cancellationToken).ConfigureAwait(false))
        {
            entry = await action(patient, cancellationToken).ConfigureAwait(false);
        }

        if (entry is not null)
        {
            await reader.RecordActionAsync(AccessLogAction.Grant, cancellationToken).ConfigureAwait(false);
        }

        return entry;
    }

    private static void RequirePatientCard(PatientCardReader reader)
    {
        if (reader.RequireCheckedIn().Role.IsStaff())
        {
            throw new StaffSignInException(StaffSignInError.RoleNotAllowed, "Only a patient's own card grants or refuses access to the patient's records.");
        }
    }

    private static async Task RecordGrantAsync(PatientCardReader reader, CancellationToken cancellationToken)
    {
        try
        {
            await reader.RecordActionAsync(AccessLogAction.Grant, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The grants are on the ledger, which is the record that counts; a card taken away before
            // its log record is written must not turn appended grants into a reported failure.
        }
    }
}
