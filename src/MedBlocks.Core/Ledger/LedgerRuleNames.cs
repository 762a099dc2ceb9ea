namespace MedBlocks.Core.Ledger;

/// <summary>Names of the ledger rules, as carried by <see cref="LedgerRuleViolation.Rule"/> and verification results.</summary>
public static class LedgerRuleNames
{
    public const string Format = "format";
    public const string Signature = "signature";
    public const string PrevLink = "prev-link";
    public const string Position = "position";
    public const string StoredColumns = "stored-columns";
    public const string TimeOrder = "time-order";
    public const string TimeFuture = "time-future";
    public const string UnknownAuthor = "unknown-author";
    public const string IdentitySelf = "identity-self";
    public const string IdentityFirstWins = "identity-first-wins";
    public const string IdentityRotation = "identity-rotation";
    public const string MedBlockPatient = "medblock-patient";
    public const string MedBlockKeyHolder = "medblock-key-holder";
    public const string GrantMedBlock = "grant-medblock";
    public const string GrantOwner = "grant-owner";
    public const string GrantGrantee = "grant-grantee";
    public const string GrantDuplicate = "grant-duplicate";
    public const string GrantRefused = "grant-refused";
    public const string RefuseMedBlock = "refuse-medblock";
    public const string RefuseOwner = "refuse-owner";
    public const string RefuseOnce = "refuse-once";
    /// <summary>The revoked card's holder is not a declared patient or card-holding staff participant (name kept from patient-only cards).</summary>
    public const string RevokeCardPatient = "revoke-card-patient";
    public const string RevokeCardAuthor = "revoke-card-author";
    public const string EmergencyAccessAuthor = "emergency-access-author";
    public const string EmergencyAccessMedBlock = "emergency-access-medblock";
    public const string Checkpoint = "checkpoint";
}
