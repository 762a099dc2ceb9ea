using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Ledger.AppendWorker;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Ledger.Tests;

/// <summary>A ledger file with a cast of participants and a clock that advances one second per reading.</summary>
internal sealed class LedgerScenario : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public LedgerScenario()
    {
        Clock = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        Ledger = Open();
    }

    public TempLedgerFile File { get; } = new();

    public FakeTimeProvider Clock { get; }

    public SqliteLedger Ledger { get; private set; }

    public SeededSigner Patient { get; } = new(1);

    public SeededSigner Practitioner { get; } = new(2);

    public SeededSigner Lab { get; } = new(3);

    public SeededSigner Emergency { get; } = new(4);

    public SeededSigner Site { get; } = new(5);

    public SeededSigner OtherPatient { get; } = new(6);

    public SeededSigner Stranger { get; } = new(7);

    public SqliteLedger Open(int verifyBatchSize = 1024) =>
        new(new SqliteLedgerOptions { Path = File.Path, VerifyBatchSize = verifyBatchSize }, Clock);

    /// <summary>Closes the ledger, runs <paramref name="change"/> on the closed file, and opens it again.</summary>
    public void WhileClosed(Action<TempLedgerFile> change, int verifyBatchSize = 1024)
    {
        Ledger.Dispose();
        change(File);
        Ledger = Open(verifyBatchSize);
    }

    /// <summary>Positions 1–6: patient, practitioner, lab, emergency, site, second patient.</summary>
    public async Task DeclareParticipantsAsync()
    {
        await Ledger.AppendAsync(Patient, new IdentityDeclaration(Patient.Address, ParticipantRole.Patient, TestRsaKeys.Rsa));
        await Ledger.AppendAsync(Practitioner, new IdentityDeclaration(Practitioner.Address, ParticipantRole.Practitioner, TestRsaKeys.Rsa));
        await Ledger.AppendAsync(Lab, new IdentityDeclaration(Lab.Address, ParticipantRole.Lab, TestRsaKeys.Rsa, "City Lab"));
        await Ledger.AppendAsync(Emergency, new IdentityDeclaration(Emergency.Address, ParticipantRole.Emergency, TestRsaKeys.Rsa, "Ambulance Service"));
        await Ledger.AppendAsync(Site, new IdentityDeclaration(Site.Address, ParticipantRole.Site, TestRsaKeys.Rsa, "Reception Kiosk 1"));
        await Ledger.AppendAsync(OtherPatient, new IdentityDeclaration(OtherPatient.Address, ParticipantRole.Patient, TestRsaKeys.Rsa));
    }

    public static MedBlockDeclaration MedBlockFor(IEntrySigner patient, string cid, bool emergency = false, params IEntrySigner[] readers)
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal) { [patient.Address] = TestRsaKeys.Wrapped(1) };
        foreach (var reader in readers)
        {
            keys[reader.Address] = TestRsaKeys.Wrapped(2);
        }

        return new MedBlockDeclaration(cid, patient.Address, "application/fhir+json", emergency, keys, LedgerEncoding.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(cid)), TestRsaKeys.RecordSig(9));
    }

    public void Dispose()
    {
        Ledger.Dispose();
        File.Dispose();
    }
}
