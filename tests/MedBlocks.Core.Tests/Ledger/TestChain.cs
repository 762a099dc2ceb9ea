using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Ledger;

/// <summary>Builds a chain in memory against <see cref="LedgerState"/>, one second per entry.</summary>
internal sealed class TestChain
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public LedgerState State { get; } = new();

    public TestSigner Patient { get; } = new(1);

    public TestSigner Practitioner { get; } = new(2);

    public TestSigner Lab { get; } = new(3);

    public TestSigner Emergency { get; } = new(4);

    public TestSigner Site { get; } = new(5);

    public TestSigner OtherPatient { get; } = new(6);

    public TestSigner Stranger { get; } = new(7);

    public DateTimeOffset NextTime => Start.AddSeconds(State.Head.Position);

    /// <summary>Declares patient, practitioner, lab, emergency, site and a second patient.</summary>
    public TestChain WithParticipants()
    {
        Append(Patient, new IdentityDeclaration(Patient.Address, ParticipantRole.Patient, TestKeys.Rsa));
        Append(Practitioner, new IdentityDeclaration(Practitioner.Address, ParticipantRole.Practitioner, TestKeys.Rsa));
        Append(Lab, new IdentityDeclaration(Lab.Address, ParticipantRole.Lab, TestKeys.Rsa, "City Lab"));
        Append(Emergency, new IdentityDeclaration(Emergency.Address, ParticipantRole.Emergency, TestKeys.Rsa, "Ambulance Service"));
        Append(Site, new IdentityDeclaration(Site.Address, ParticipantRole.Site, TestKeys.Rsa, "Reception Kiosk 1"));
        Append(OtherPatient, new IdentityDeclaration(OtherPatient.Address, ParticipantRole.Patient, TestKeys.Rsa));
        return this;
    }

    public static MedBlockDeclaration MedBlockFor(IEntrySigner patient, bool emergency = false, params IEntrySigner[] readers)
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal) { [patient.Address] = TestKeys.Wrapped(1) };
        foreach (var reader in readers)
        {
            keys[reader.Address] = TestKeys.Wrapped(2);
        }

        return new MedBlockDeclaration(
            "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", patient.Address, "application/fhir+json", emergency, keys,
            new string('a', 64), TestKeys.RecordSig(9));
    }

    public LedgerEntry Build(IEntrySigner signer, ILedgerBody body, DateTimeOffset? time = null) =>
        LedgerEntryFactory.Create(signer, State.Head.Hash, time ?? NextTime, body);

    public LedgerEntry Append(IEntrySigner signer, ILedgerBody body)
    {
        var entry = Build(signer, body);
        State.Append(entry);
        return entry;
    }

    public LedgerRuleViolation Reject(IEntrySigner signer, ILedgerBody body) =>
        Assert.Throws<LedgerRuleViolation>(() => State.Append(Build(signer, body)));
}
