using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Benchmarks;

/// <summary>The append benchmarks' workload: a patient and a lab declared, then MedBlocks the lab writes for the patient.</summary>
internal static class LedgerAppendWorkload
{
    /// <summary>Declares the two participants on <paramref name="ledger"/>.</summary>
    /// <returns>The lab, which appends, and <paramref name="count"/> MedBlock bodies for it.</returns>
    public static async Task<(IEntrySigner Lab, MedBlockDeclaration[] Bodies)> SetUpAsync(ILedger ledger, int count)
    {
        var patient = LedgerBenchmarkChain.Patient(1);
        var lab = LedgerBenchmarkChain.Patient(20_001);
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var spki = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        await ledger.AppendAsync(patient, new IdentityDeclaration(patient.Address, ParticipantRole.Patient, spki));
        await ledger.AppendAsync(lab, new IdentityDeclaration(lab.Address, ParticipantRole.Lab, spki, "Lab"));
        var wrapped = Convert.ToBase64String(new byte[384]);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { [patient.Address] = wrapped, [lab.Address] = wrapped };
        var bodies = Enumerable.Range(0, count)
            .Select(i => new MedBlockDeclaration($"bafkrei{i:D8}", patient.Address, "application/fhir+json", false, keys, new string('a', 64), Convert.ToBase64String(new byte[64])))
            .ToArray();
        return (lab, bodies);
    }
}
