using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// The version 2 ledger rules, checked on append and again on verification against the state before the entry.
/// <list type="bullet">
/// <item>prev links to the head; time is not before the head's time minus <see cref="TimeTolerance"/>; the author's signature verifies.</item>
/// <item>identity: self-signed (address = author); the first declaration of an address wins; a later one only as a
/// rotation naming the current key's fingerprint, keeping the role.</item>
/// <item>every other entry: the author is a declared participant.</item>
/// <item>medblock: the patient is declared with role patient; every key holder is declared.</item>
/// <item>grant/refuse: the MedBlock exists and the author is its patient; a grant's grantee is declared, holds no key yet,
/// and the MedBlock is not refused; a MedBlock is refused once.</item>
/// <item>revoke-card: the card holder (body member <c>patient</c>) is declared as a patient or as staff that holds cards
/// (site, practitioner, emergency); the author is that holder or a site.</item>
/// <item>emergency-access: the author is declared as emergency or practitioner; the MedBlock exists, belongs to the patient
/// named, and is emergency-tagged.</item>
/// </list>
/// </summary>
public static class LedgerRules
{
    /// <summary>Clock skew allowed between stations: an entry may be stamped this much before the head.</summary>
    public static readonly TimeSpan TimeTolerance = TimeSpan.FromMinutes(2);

    /// <summary>Checks an entry on top of <paramref name="head"/> against <paramref name="state"/>.</summary>
    /// <returns>The entry's typed body.</returns>
    /// <exception cref="LedgerRuleViolation">The entry breaks a rule (malformed bodies are rule <c>format</c>).</exception>
    public static ILedgerBody Check(LedgerEntry entry, LedgerHead head, ILedgerState state, bool verifySignature = true)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(state);
        CheckLinkAndTime(entry, head);
        if (verifySignature && !entry.VerifySignature())
        {
            throw new LedgerRuleViolation(LedgerRuleNames.Signature, "The signature is not the author's over this entry.");
        }

        ILedgerBody body;
        try
        {
            body = LedgerBody.Parse(entry);
        }
        catch (LedgerFormatException ex)
        {
            throw new LedgerRuleViolation(ex.Message, ex);
        }

        CheckBody(entry, body, state);
        return body;
    }

    /// <summary>The prev-link and time-order rules alone.</summary>
    /// <exception cref="LedgerRuleViolation">The entry does not link to the head or is stamped too early.</exception>
    public static void CheckLinkAndTime(LedgerEntry entry, LedgerHead head)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(head);
        if (!string.Equals(entry.Prev, head.Hash, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.PrevLink, $"prev is {entry.Prev} but the previous entry's hash is {head.Hash}.");
        }

        if (head.Time is { } headTime && entry.Time < headTime - TimeTolerance)
        {
            throw new LedgerRuleViolation(
                LedgerRuleNames.TimeOrder,
                $"time {LedgerEntry.FormatTime(entry.Time)} is more than {TimeTolerance.TotalMinutes} minutes before the previous entry's {LedgerEntry.FormatTime(headTime)}.");
        }
    }

    /// <summary>The kind-specific rules for an already parsed body.</summary>
    /// <exception cref="LedgerRuleViolation">The entry breaks a rule.</exception>
    public static void CheckBody(LedgerEntry entry, ILedgerBody body, ILedgerState state)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(state);
        if (body is IdentityDeclaration identity)
        {
            CheckIdentity(entry, identity, state);
            return;
        }

        var author = state.FindParticipant(entry.Author)
            ?? throw new LedgerRuleViolation(LedgerRuleNames.UnknownAuthor, $"The author {entry.Author} has not declared an identity.");
        switch (body)
        {
            case MedBlockDeclaration medBlock:
                CheckMedBlock(medBlock, state);
                break;
            case KeyGrant grant:
                CheckGrant(entry, grant, state);
                break;
            case Refusal refusal:
                CheckRefusal(entry, refusal, state);
                break;
            case CardRevocation revocation:
                CheckRevocation(entry, author, revocation, state);
                break;
            case EmergencyAccess access:
                CheckEmergencyAccess(author, access, state);
                break;
            default:
                throw new LedgerRuleViolation(LedgerRuleNames.Format, $"No rules for entry kind '{body.Kind}'.");
        }
    }

    private static void CheckIdentity(LedgerEntry entry, IdentityDeclaration identity, ILedgerState state)
    {
        if (!string.Equals(identity.Address, entry.Author, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.IdentitySelf, "An identity declares the author's own address only.");
        }

        var current = state.FindParticipant(identity.Address);
        if (current is null)
        {
            if (identity.Rotates is not null)
            {
                throw new LedgerRuleViolation(LedgerRuleNames.IdentityRotation, "A first declaration has no key to rotate.");
            }

            return;
        }

        if (identity.Rotates is null)
        {
            throw new LedgerRuleViolation(
                LedgerRuleNames.IdentityFirstWins,
                $"The address was declared at position {current.Position}; a later declaration must be a key rotation.");
        }

        if (!string.Equals(identity.Rotates, current.EncryptionKeyFingerprint, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.IdentityRotation, "The rotation does not name the key currently in force.");
        }

        if (identity.Role != current.Role)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.IdentityRotation, "A key rotation keeps the participant's role.");
        }

        if (string.Equals(identity.EncryptionKeyFingerprint, current.EncryptionKeyFingerprint, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.IdentityRotation, "A key rotation declares a new key.");
        }
    }

    private static void CheckMedBlock(MedBlockDeclaration medBlock, ILedgerState state)
    {
        if (state.FindParticipant(medBlock.Patient)?.Role != ParticipantRole.Patient)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.MedBlockPatient, $"{medBlock.Patient} is not a declared patient.");
        }

        foreach (var holder in medBlock.Keys.Keys)
        {
            if (state.FindParticipant(holder) is null)
            {
                throw new LedgerRuleViolation(LedgerRuleNames.MedBlockKeyHolder, $"Key holder {holder} has not declared an identity.");
            }
        }
    }

    private static void CheckGrant(LedgerEntry entry, KeyGrant grant, ILedgerState state)
    {
        var medBlock = state.FindMedBlock(grant.MedBlock)
            ?? throw new LedgerRuleViolation(LedgerRuleNames.GrantMedBlock, $"No MedBlock {grant.MedBlock} precedes this grant.");
        if (!string.Equals(entry.Author, medBlock.Patient, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.GrantOwner, "Only the MedBlock's patient may grant access to it.");
        }

        if (state.FindParticipant(grant.Grantee) is null)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.GrantGrantee, $"Grantee {grant.Grantee} has not declared an identity.");
        }

        if (medBlock.Refused)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.GrantRefused, "The MedBlock is refused; it is not shared further.");
        }

        if (state.HoldsKey(grant.MedBlock, grant.Grantee))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.GrantDuplicate, "The grantee already holds a key for this MedBlock.");
        }
    }

    private static void CheckRefusal(LedgerEntry entry, Refusal refusal, ILedgerState state)
    {
        var medBlock = state.FindMedBlock(refusal.MedBlock)
            ?? throw new LedgerRuleViolation(LedgerRuleNames.RefuseMedBlock, $"No MedBlock {refusal.MedBlock} precedes this refusal.");
        if (!string.Equals(entry.Author, medBlock.Patient, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.RefuseOwner, "Only the MedBlock's patient may refuse it.");
        }

        if (medBlock.Refused)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.RefuseOnce, "The MedBlock is already refused.");
        }
    }

    private static void CheckRevocation(LedgerEntry entry, DeclaredParticipant author, CardRevocation revocation, ILedgerState state)
    {
        var holder = state.FindParticipant(revocation.Patient);
        if (holder is null || !CardRevocation.HoldsCards(holder.Role))
        {
            throw new LedgerRuleViolation(
                LedgerRuleNames.RevokeCardPatient,
                $"{revocation.Patient} is not a declared card holder (a patient, site, practitioner or emergency participant).");
        }

        if (!string.Equals(entry.Author, revocation.Patient, StringComparison.Ordinal) && author.Role != ParticipantRole.Site)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.RevokeCardAuthor, "Only the card's holder or a site may revoke a card.");
        }
    }

    private static void CheckEmergencyAccess(DeclaredParticipant author, EmergencyAccess access, ILedgerState state)
    {
        if (author.Role is not (ParticipantRole.Emergency or ParticipantRole.Practitioner))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.EmergencyAccessAuthor, "Only emergency services or practitioners record emergency access.");
        }

        var medBlock = state.FindMedBlock(access.MedBlock);
        if (medBlock is null || !string.Equals(medBlock.Patient, access.Patient, StringComparison.Ordinal) || !medBlock.Emergency)
        {
            throw new LedgerRuleViolation(
                LedgerRuleNames.EmergencyAccessMedBlock, "Emergency access names an existing emergency-tagged MedBlock of that patient.");
        }
    }
}
