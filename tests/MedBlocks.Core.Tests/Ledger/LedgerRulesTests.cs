using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Ledger;

public sealed class LedgerRulesTests
{
    private static string FingerprintOf(string spki) => IdentityDeclaration.ComputeFingerprint(Convert.FromBase64String(spki));

    [Fact]
    public void Identity_FirstDeclaration_IsAccepted()
    {
        var chain = new TestChain();
        chain.Append(chain.Patient, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Patient, TestKeys.Rsa));

        var participant = chain.State.FindParticipant(chain.Patient.Address);
        Assert.NotNull(participant);
        Assert.Equal(ParticipantRole.Patient, participant.Role);
        Assert.Equal(1, participant.Position);
    }

    [Fact]
    public void Identity_ForAnotherAddress_IsRejected()
    {
        var chain = new TestChain();
        var violation = chain.Reject(chain.Stranger, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Patient, TestKeys.Rsa));
        Assert.Equal(LedgerRuleNames.IdentitySelf, violation.Rule);
    }

    [Fact]
    public void Identity_SecondDeclarationWithoutRotation_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Patient, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Patient, TestKeys.OtherRsa));
        Assert.Equal(LedgerRuleNames.IdentityFirstWins, violation.Rule);
        Assert.Equal(TestKeys.Rsa, chain.State.FindParticipant(chain.Patient.Address)!.EncryptionKey);
    }

    [Fact]
    public void Identity_RotationNamingCurrentKey_ReplacesTheKey()
    {
        var chain = new TestChain().WithParticipants();
        chain.Append(chain.Patient, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Patient, TestKeys.OtherRsa, Rotates: FingerprintOf(TestKeys.Rsa)));

        var participant = chain.State.FindParticipant(chain.Patient.Address)!;
        Assert.Equal(TestKeys.OtherRsa, participant.EncryptionKey);
        Assert.Equal(FingerprintOf(TestKeys.OtherRsa), participant.EncryptionKeyFingerprint);
        Assert.Equal(7, participant.Position);
    }

    [Fact]
    public void Identity_RotationNamingWrongKey_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Patient, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Patient, TestKeys.OtherRsa, Rotates: FingerprintOf(TestKeys.OtherRsa)));
        Assert.Equal(LedgerRuleNames.IdentityRotation, violation.Rule);
    }

    [Fact]
    public void Identity_RotationChangingRole_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Patient, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Practitioner, TestKeys.OtherRsa, Rotates: FingerprintOf(TestKeys.Rsa)));
        Assert.Equal(LedgerRuleNames.IdentityRotation, violation.Rule);
    }

    [Fact]
    public void Identity_RotationToSameKey_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Patient, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Patient, TestKeys.Rsa, Rotates: FingerprintOf(TestKeys.Rsa)));
        Assert.Equal(LedgerRuleNames.IdentityRotation, violation.Rule);
    }

    [Fact]
    public void Identity_FirstDeclarationClaimingRotation_IsRejected()
    {
        var chain = new TestChain();
        var violation = chain.Reject(chain.Patient, new IdentityDeclaration(chain.Patient.Address, ParticipantRole.Patient, TestKeys.OtherRsa, Rotates: FingerprintOf(TestKeys.Rsa)));
        Assert.Equal(LedgerRuleNames.IdentityRotation, violation.Rule);
    }

    [Fact]
    public void AnyEntry_ByUndeclaredAuthor_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Stranger, TestChain.MedBlockFor(chain.Patient));
        Assert.Equal(LedgerRuleNames.UnknownAuthor, violation.Rule);
    }

    [Fact]
    public void MedBlock_ByAnyDeclaredParticipantForDeclaredPatient_IsAccepted()
    {
        var chain = new TestChain().WithParticipants();
        chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient, false, chain.Practitioner));
        chain.Append(chain.OtherPatient, TestChain.MedBlockFor(chain.Patient));
        Assert.Equal(2, chain.State.MedBlockCount);
    }

    [Fact]
    public void MedBlock_ForNonPatient_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Lab, TestChain.MedBlockFor(chain.Practitioner));
        Assert.Equal(LedgerRuleNames.MedBlockPatient, violation.Rule);
    }

    [Fact]
    public void MedBlock_ForUndeclaredPatient_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Lab, TestChain.MedBlockFor(chain.Stranger));
        Assert.Equal(LedgerRuleNames.MedBlockPatient, violation.Rule);
    }

    [Fact]
    public void MedBlock_KeyForUndeclaredHolder_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Lab, TestChain.MedBlockFor(chain.Patient, false, chain.Stranger));
        Assert.Equal(LedgerRuleNames.MedBlockKeyHolder, violation.Rule);
    }

    [Fact]
    public void Grant_ByPatient_AddsKeyHolder()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient));
        chain.Append(chain.Patient, new KeyGrant(medBlock.Hash, chain.Practitioner.Address, TestKeys.Wrapped(5)));
        Assert.True(chain.State.HoldsKey(medBlock.Hash, chain.Practitioner.Address));
    }

    [Fact]
    public void Grant_ByAnyoneButThePatient_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient));
        Assert.Equal(LedgerRuleNames.GrantOwner, chain.Reject(chain.Lab, new KeyGrant(medBlock.Hash, chain.Practitioner.Address, TestKeys.Wrapped(5))).Rule);
        Assert.Equal(LedgerRuleNames.GrantOwner, chain.Reject(chain.OtherPatient, new KeyGrant(medBlock.Hash, chain.Practitioner.Address, TestKeys.Wrapped(5))).Rule);
    }

    [Fact]
    public void Grant_ForUnknownMedBlock_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var violation = chain.Reject(chain.Patient, new KeyGrant(new string('f', 64), chain.Practitioner.Address, TestKeys.Wrapped(5)));
        Assert.Equal(LedgerRuleNames.GrantMedBlock, violation.Rule);
    }

    [Fact]
    public void Grant_ReferencingANonMedBlockEntry_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var identity = chain.State.Head.Hash;
        var violation = chain.Reject(chain.OtherPatient, new KeyGrant(identity, chain.Practitioner.Address, TestKeys.Wrapped(5)));
        Assert.Equal(LedgerRuleNames.GrantMedBlock, violation.Rule);
    }

    [Fact]
    public void Grant_ToUndeclaredGrantee_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient));
        var violation = chain.Reject(chain.Patient, new KeyGrant(medBlock.Hash, chain.Stranger.Address, TestKeys.Wrapped(5)));
        Assert.Equal(LedgerRuleNames.GrantGrantee, violation.Rule);
    }

    [Fact]
    public void Grant_ToExistingKeyHolder_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient, false, chain.Practitioner));
        var violation = chain.Reject(chain.Patient, new KeyGrant(medBlock.Hash, chain.Practitioner.Address, TestKeys.Wrapped(5)));
        Assert.Equal(LedgerRuleNames.GrantDuplicate, violation.Rule);
    }

    [Fact]
    public void Grant_AfterRefusal_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient));
        chain.Append(chain.Patient, new Refusal(medBlock.Hash));
        var violation = chain.Reject(chain.Patient, new KeyGrant(medBlock.Hash, chain.Practitioner.Address, TestKeys.Wrapped(5)));
        Assert.Equal(LedgerRuleNames.GrantRefused, violation.Rule);
    }

    [Fact]
    public void Refuse_ByPatient_MarksRefused()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient));
        chain.Append(chain.Patient, new Refusal(medBlock.Hash));
        Assert.True(chain.State.FindMedBlock(medBlock.Hash)!.Refused);
    }

    [Fact]
    public void Refuse_ByOthersTwiceOrUnknown_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient));
        Assert.Equal(LedgerRuleNames.RefuseOwner, chain.Reject(chain.Lab, new Refusal(medBlock.Hash)).Rule);
        Assert.Equal(LedgerRuleNames.RefuseMedBlock, chain.Reject(chain.Patient, new Refusal(new string('f', 64))).Rule);
        chain.Append(chain.Patient, new Refusal(medBlock.Hash));
        Assert.Equal(LedgerRuleNames.RefuseOnce, chain.Reject(chain.Patient, new Refusal(medBlock.Hash)).Rule);
    }

    [Fact]
    public void RevokeCard_ByPatientOrSite_IsAccepted()
    {
        var chain = new TestChain().WithParticipants();
        chain.Append(chain.Patient, new CardRevocation(chain.Patient.Address, "04A1B2C3D4E5F6", CardRevocationReason.Lost));
        chain.Append(chain.Site, new CardRevocation(chain.Patient.Address, "04A1B2C3D4E5F7", CardRevocationReason.Replaced));
        Assert.Equal(8, chain.State.Head.Position);
    }

    [Fact]
    public void RevokeCard_StaffCardByItsHolderOrASite_IsAccepted()
    {
        var chain = new TestChain().WithParticipants();
        chain.Append(chain.Practitioner, new CardRevocation(chain.Practitioner.Address, "0000000000000001", CardRevocationReason.Lost));
        chain.Append(chain.Site, new CardRevocation(chain.Emergency.Address, "0000000000000002", CardRevocationReason.Stolen));
        chain.Append(chain.Site, new CardRevocation(chain.Site.Address, "0000000000000003", CardRevocationReason.Expired));
        chain.Append(chain.Emergency, new CardRevocation(chain.Emergency.Address, "0000000000000004", CardRevocationReason.Damaged));
        Assert.Equal(10, chain.State.Head.Position);
    }

    [Fact]
    public void RevokeCard_StaffCardByAnotherStaffMemberOrAPatient_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        Assert.Equal(LedgerRuleNames.RevokeCardAuthor, chain.Reject(chain.Practitioner, new CardRevocation(chain.Emergency.Address, "0000000000000002", CardRevocationReason.Stolen)).Rule);
        Assert.Equal(LedgerRuleNames.RevokeCardAuthor, chain.Reject(chain.Emergency, new CardRevocation(chain.Practitioner.Address, "0000000000000001", CardRevocationReason.Lost)).Rule);
        Assert.Equal(LedgerRuleNames.RevokeCardAuthor, chain.Reject(chain.Patient, new CardRevocation(chain.Site.Address, "0000000000000003", CardRevocationReason.Lost)).Rule);
        Assert.Equal(LedgerRuleNames.RevokeCardPatient, chain.Reject(chain.Lab, new CardRevocation(chain.Lab.Address, "0000000000000005", CardRevocationReason.Lost)).Rule);
        Assert.Equal(LedgerRuleNames.RevokeCardPatient, chain.Reject(chain.Site, new CardRevocation(chain.Stranger.Address, "0000000000000006", CardRevocationReason.Lost)).Rule);
    }

    [Fact]
    public void RevokeCard_ByOthersOrForNonPatient_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        Assert.Equal(LedgerRuleNames.RevokeCardAuthor, chain.Reject(chain.Practitioner, new CardRevocation(chain.Patient.Address, "04A1", CardRevocationReason.Stolen)).Rule);
        Assert.Equal(LedgerRuleNames.RevokeCardAuthor, chain.Reject(chain.OtherPatient, new CardRevocation(chain.Patient.Address, "04A1", CardRevocationReason.Stolen)).Rule);
        Assert.Equal(LedgerRuleNames.RevokeCardPatient, chain.Reject(chain.Site, new CardRevocation(chain.Lab.Address, "04A1", CardRevocationReason.Stolen)).Rule);
    }

    [Fact]
    public void EmergencyAccess_ByEmergencyOrPractitionerOnEmergencyMedBlock_IsAccepted()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Practitioner, TestChain.MedBlockFor(chain.Patient, true, chain.Emergency));
        chain.Append(chain.Emergency, new EmergencyAccess(medBlock.Hash, chain.Patient.Address, "unconscious on arrival"));
        chain.Append(chain.Practitioner, new EmergencyAccess(medBlock.Hash, chain.Patient.Address, "ER admission"));
        Assert.Equal(9, chain.State.Head.Position);
    }

    [Fact]
    public void EmergencyAccess_ByOtherRoles_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Practitioner, TestChain.MedBlockFor(chain.Patient, true, chain.Emergency));
        Assert.Equal(LedgerRuleNames.EmergencyAccessAuthor, chain.Reject(chain.Lab, new EmergencyAccess(medBlock.Hash, chain.Patient.Address, "x")).Rule);
        Assert.Equal(LedgerRuleNames.EmergencyAccessAuthor, chain.Reject(chain.Site, new EmergencyAccess(medBlock.Hash, chain.Patient.Address, "x")).Rule);
    }

    [Fact]
    public void EmergencyAccess_NonEmergencyWrongPatientOrUnknownMedBlock_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var ordinary = chain.Append(chain.Practitioner, TestChain.MedBlockFor(chain.Patient));
        var emergency = chain.Append(chain.Practitioner, TestChain.MedBlockFor(chain.Patient, true, chain.Emergency));
        Assert.Equal(LedgerRuleNames.EmergencyAccessMedBlock, chain.Reject(chain.Emergency, new EmergencyAccess(ordinary.Hash, chain.Patient.Address, "x")).Rule);
        Assert.Equal(LedgerRuleNames.EmergencyAccessMedBlock, chain.Reject(chain.Emergency, new EmergencyAccess(emergency.Hash, chain.OtherPatient.Address, "x")).Rule);
        Assert.Equal(LedgerRuleNames.EmergencyAccessMedBlock, chain.Reject(chain.Emergency, new EmergencyAccess(new string('f', 64), chain.Patient.Address, "x")).Rule);
    }

    [Fact]
    public void Prev_NotTheHead_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var stale = LedgerEntryFactory.Create(chain.Lab, LedgerEntry.GenesisPrev, chain.NextTime, TestChain.MedBlockFor(chain.Patient));
        var violation = Assert.Throws<LedgerRuleViolation>(() => chain.State.Append(stale));
        Assert.Equal(LedgerRuleNames.PrevLink, violation.Rule);
    }

    [Fact]
    public void Signature_Forged_IsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var genuine = chain.Build(chain.Lab, TestChain.MedBlockFor(chain.Patient));
        var forged = LedgerEntry.Create(genuine.Prev, chain.Lab.Address, genuine.Time, genuine.Kind, genuine.Body, Convert.ToBase64String(chain.Stranger.Sign(genuine.GetSignedBytes())));
        var violation = Assert.Throws<LedgerRuleViolation>(() => chain.State.Append(forged));
        Assert.Equal(LedgerRuleNames.Signature, violation.Rule);
    }

    [Fact]
    public void Time_WithinToleranceBeforeHead_IsAccepted_BeyondIsRejected()
    {
        var chain = new TestChain().WithParticipants();
        var headTime = chain.State.Head.Time!.Value;
        chain.State.Append(chain.Build(chain.Lab, TestChain.MedBlockFor(chain.Patient), headTime - LedgerRules.TimeTolerance));
        var late = chain.Build(chain.Lab, TestChain.MedBlockFor(chain.Patient), headTime - LedgerRules.TimeTolerance - LedgerRules.TimeTolerance - TimeSpan.FromMilliseconds(1));
        var violation = Assert.Throws<LedgerRuleViolation>(() => chain.State.Append(late));
        Assert.Equal(LedgerRuleNames.TimeOrder, violation.Rule);
    }

    [Fact]
    public void Body_MalformedForItsKind_IsRejectedAsFormat()
    {
        var chain = new TestChain().WithParticipants();
        var refusalBody = CanonicalJson.ToElement(new Refusal(new string('f', 64)).ToJson());
        var signed = LedgerEntry.BuildSignedBytes(chain.State.Head.Hash, chain.Patient.Address, chain.NextTime, LedgerEntryKinds.Grant, refusalBody);
        var entry = LedgerEntry.Create(chain.State.Head.Hash, chain.Patient.Address, chain.NextTime, LedgerEntryKinds.Grant, refusalBody, Convert.ToBase64String(chain.Patient.Sign(signed)));
        var violation = Assert.Throws<LedgerRuleViolation>(() => chain.State.Append(entry));
        Assert.Equal(LedgerRuleNames.Format, violation.Rule);
    }

    [Fact]
    public void RejectedEntry_LeavesStateUnchanged()
    {
        var chain = new TestChain().WithParticipants();
        var head = chain.State.Head;
        chain.Reject(chain.Stranger, TestChain.MedBlockFor(chain.Patient));
        Assert.Equal(head, chain.State.Head);
    }
}
