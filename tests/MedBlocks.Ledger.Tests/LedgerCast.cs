using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Ledger.AppendWorker;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Ledger.Tests;

/// <summary>A cast of participants and a clock that advances one second per reading, for any ledger.</summary>
public class LedgerCast
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

    public SeededSigner Patient { get; } = new(1);

    public SeededSigner Practitioner { get; } = new(2);

    public SeededSigner Lab { get; } = new(3);

    public SeededSigner Emergency { get; } = new(4);

    public SeededSigner Site { get; } = new(5);

    public SeededSigner OtherPatient { get; } = new(6);

    public SeededSigner Stranger { get; } = new(7);

    /// <summary>Positions 1–6: patient, practitioner, lab, emergency, site, second patient.</summary>
    public async Task DeclareParticipantsAsync(ILedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        await ledger.AppendAsync(Patient, new IdentityDeclaration(Patient.Address, ParticipantRole.Patient, TestRsaKeys.Rsa));
        await ledger.AppendAsync(Practitioner, new IdentityDeclaration(Practitioner.Address, ParticipantRole.Practitioner, TestRsaKeys.Rsa));
        await ledger.AppendAsync(Lab, new IdentityDeclaration(Lab.Address, ParticipantRole.Lab, TestRsaKeys.Rsa, "City Lab"));
        await ledger.AppendAsync(Emergency, new IdentityDeclaration(Emergency.Address, ParticipantRole.Emergency, TestRsaKeys.Rsa, "Ambulance Service"));
        await ledger.AppendAsync(Site, new IdentityDeclaration(Site.Address, ParticipantRole.Site, TestRsaKeys.Rsa, "Reception Kiosk 1"));
        await ledger.AppendAsync(OtherPatient, new IdentityDeclaration(OtherPatient.Address, ParticipantRole.Patient, TestRsaKeys.Rsa));
    }

    public static MedBlockDeclaration MedBlockFor(IEntrySigner patient, string cid, bool emergency = false, params IEntrySigner[] readers)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(readers);
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal) { [patient.Address] = TestRsaKeys.Wrapped(1) };
        foreach (var reader in readers)
        {
            keys[reader.Address] = TestRsaKeys.Wrapped(2);
        }

        return new MedBlockDeclaration(cid, patient.Address, "application/fhir+json", emergency, keys, LedgerEncoding.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(cid)), TestRsaKeys.RecordSig(9));
    }
}
