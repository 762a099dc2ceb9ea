using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Sharing;
using MedBlocks.Ledger;
using MedBlocks.TestSupport;
using Microsoft.Data.Sqlite;

namespace MedBlocks.SmartCards.Tests.Profile;

/// <summary>
/// An embedded SQLite ledger in a temporary directory with the test kit's patient, doctor and
/// registrar declared, an in-memory record store, and the sharing service over both.
/// </summary>
internal sealed class CardLedgerScenario : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("medblocks-card-ledger-").FullName;

    public CardLedgerScenario()
    {
        Ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(_directory, "ledger.db"), Durability = SqliteDurability.Normal }, Clock);
        Service = new MedBlockService(Ledger, Store, EmergencyServiceKeys.None, Clock);
    }

    public FixedTimeProvider Clock { get; } = PatientCardTestKit.Clock();

    public SqliteLedger Ledger { get; }

    public MemoryRecordStore Store { get; } = new();

    public MedBlockService Service { get; }

    public static Participant Patient => PatientCardTestKit.Patient(2048);

    public static Participant Doctor => PatientCardTestKit.Doctor;

    /// <summary>Declares the patient, the doctor and the registrar (a site).</summary>
    public async Task DeclareAsync()
    {
        foreach (var participant in new[] { Patient, Doctor, PatientCardTestKit.Staff(SmartCards.Profile.CardHolderRole.Registrar) })
        {
            await Ledger.AppendAsync(participant, new IdentityDeclaration(participant.Address, participant.Role, Convert.ToBase64String(participant.EncryptionPublicKey.Span)));
        }
    }

    /// <summary>A record the doctor adds for the patient.</summary>
    public async Task<MedBlockView> AddRecordAsync(string text)
    {
        using var plaintext = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await Service.AddRecordAsync(Doctor, Patient.Address, plaintext, "text/plain", emergency: false);
    }

    public async Task<string> ReadAsAsync(Participant reader, string medBlock)
    {
        using var output = new MemoryStream();
        await Service.ReadRecordAsync(reader, medBlock, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    public void Dispose()
    {
        Ledger.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
