using MedBlocks.Core.Ledger;
using MedBlocks.Core.Sharing;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Grant and refuse from the patient's card at a kiosk: after a check-in read, the PIN opens the key
/// material, <see cref="MedBlockService"/> wraps the MedBlock's key for the grantee (or marks it
/// refused) and appends the signed entry, and the card's access log records the grant or the refusal. The
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
        return WithPatientKeysAsync(reader, pin, AccessLogAction.Grant, (patient, ct) => _service.GrantAsync(patient, medBlock, grantee, ct), cancellationToken);
    }

    /// <summary>Marks <paramref name="medBlock"/> refused (<c>approved: false</c>); history stays.</summary>
    /// <returns>The <c>refuse</c> entry, or null when it was already refused.</returns>
    /// <exception cref="WrongPinException">Wrong PIN.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs for this card.</exception>
    /// <exception cref="MedBlockSharingException">Not this patient's MedBlock or unknown MedBlock.</exception>
    public Task<LedgerEntry?> RefuseAsync(PatientCardReader reader, string pin, string medBlock, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(medBlock);
        return WithPatientKeysAsync(reader, pin, AccessLogAction.Refuse, (patient, ct) => _service.RefuseAsync(patient, medBlock, ct), cancellationToken);
    }

    private static async Task<LedgerEntry?> WithPatientKeysAsync(
        PatientCardReader reader,
        string pin,
        AccessLogAction logged,
        Func<Core.Participants.Participant, CancellationToken, Task<LedgerEntry?>> action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(pin);
        if (reader.RequireCheckedIn().Role.IsStaff())
        {
            throw new StaffSignInException(StaffSignInError.RoleNotAllowed, "Only a patient's own card grants or refuses access to the patient's records.");
        }

        LedgerEntry? entry;
        using (var patient = await reader.UnlockKeyMaterialAsync(pin, cancellationToken).ConfigureAwait(false))
        {
            entry = await action(patient, cancellationToken).ConfigureAwait(false);
        }

        if (entry is not null)
        {
            await reader.RecordActionAsync(logged, cancellationToken).ConfigureAwait(false);
        }

        return entry;
    }
}
