using System.Text;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;
using MedBlocks.Core.Sharing;
using MedBlocks.Ipfs.Store;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.Kiosk.Records;
using MedBlocks.Ledger;
using Microsoft.Extensions.Logging.Abstractions;
using MedBlocks.Core.Secrets;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Demo;

/// <summary>
/// Creates the demo site once, in the data folder and on the station's ledger: a clinician directory
/// (practitioners declared on the ledger), a personalised card per demo patient whose identity is
/// declared and who has records (one emergency-tagged, readable by the demo paramedic), staff cards
/// (paramedic, registrar), a lost card revoked on the ledger, a blank card (enrolment) and a card of
/// another system. An empty ledger means a new demo site: every card is (re)made to match it; otherwise
/// only missing blank or foreign cards are added.
/// </summary>
public sealed partial class DemoSeeder(
    DemoCardCatalog catalog,
    ClinicianDirectory directory,
    ILedger ledger,
    IRecordStore store,
    IOptions<KioskOptions> options,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public const string BlankCardId = "blank";
    public const string ForeignCardId = "foreign";
    public const string RevokedCardId = "omar-lost";

    private const int StaffRsaBits = 2048;

    /// <summary>
    /// Seeds a data folder without a host: the embedded ledger and record store in it, as the host would
    /// open them (for tests, benchmarks and preparing cards for a PC/SC station). Returns the card catalog.
    /// </summary>
    public static async Task<DemoCardCatalog> SeedFolderAsync(KioskOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.GetFullPath(options.DataFolder);
        Directory.CreateDirectory(folder);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var catalog = new DemoCardCatalog(wrapped);
        using (var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(folder, KioskRecordsExtensions.LedgerFileName) }))
        {
            var store = new EmbeddedRecordStore(new EmbeddedRecordStoreOptions { RootPath = Path.Combine(folder, KioskRecordsExtensions.StoreFolderName) });
            var directory = new ClinicianDirectory(wrapped, NullLogger<ClinicianDirectory>.Instance);
            await new DemoSeeder(catalog, directory, ledger, store, wrapped, TimeProvider.System, NullLogger<DemoSeeder>.Instance).SeedAsync(cancellationToken);
        }

        // The host (or the next test) opens the same file; pooled connections would keep it open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return catalog;
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await ledger.GetHeadAsync(cancellationToken)).IsEmpty)
        {
            await SeedSiteAsync(cancellationToken);
        }

        var existing = catalog.Cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (!existing.Contains(BlankCardId))
        {
            catalog.Add(BlankCardId, "Blank card (not yet issued)", CardImage.NewBlank(DesfireStorageSize.EightKilobytes));
            Log.Seeded(logger, BlankCardId);
        }

        if (!existing.Contains(ForeignCardId))
        {
            catalog.Add(ForeignCardId, "Card of another system", CardImage.NewBlank(DesfireStorageSize.FourKilobytes));
            Log.Seeded(logger, ForeignCardId);
        }
    }

    private async Task SeedSiteAsync(CancellationToken cancellationToken)
    {
        using var keys = new ConfigurationKeyProvider(options.Value.CardKeys);
        var personalizer = new CardPersonalizer(keys, time);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var participants = new List<Participant>();
        try
        {
            var clinicians = new List<Clinician>();
            foreach (var (name, department) in DemoClinicians)
            {
                var clinician = Track(participants, Participant.Create(ParticipantRole.Practitioner, StaffRsaBits));
                await DeclareAsync(clinician, cancellationToken);
                clinicians.Add(new Clinician(name, department, clinician.Address));
            }

            directory.Save(clinicians);
            var author = participants[0];

            var emergencyServices = new List<string>();
            foreach (var staff in DemoStaff.All)
            {
                Participant? holder = null;
                var card = await PersonalizeAsync(personalizer, staff.Name, staff.BirthDate, staff.Sex, staff.Role, bits => holder = Track(participants, Participant.Create(staff.Role.LedgerRole(), bits)), MinimalSummary(author, today), cancellationToken);
                await DeclareAsync(holder!, cancellationToken);
                if (staff.Role == CardHolderRole.Paramedic)
                {
                    emergencyServices.Add(holder!.Address);
                }

                catalog.Add(staff.Id, $"{staff.Name} ({staff.Role.ToName()} staff card, demo)", card.State);
                Log.Seeded(logger, staff.Id);
            }

            var records = new MedBlockService(ledger, store, new EmergencyServiceKeys(emergencyServices), time);
            foreach (var patient in DemoPatients.All)
            {
                Participant? holder = null;
                Participant Create(int bits) => holder ??= Track(participants, Participant.Create(ParticipantRole.Patient, bits));
                var summary = patient.Summary(author.Address, today).Sign(author);
                if (patient.Id == "omar")
                {
                    // An earlier card of the same patient, reported lost and revoked on the ledger.
                    var lost = await PersonalizeAsync(personalizer, patient.Name, patient.BirthDate, patient.Sex, CardHolderRole.Patient, Create, summary, cancellationToken);
                    await DeclareAsync(holder!, cancellationToken);
                    await ledger.AppendAsync(holder!, new CardRevocation(holder!.Address, CardInfo.FormatSerial(lost.Serial), CardRevocationReason.Lost), cancellationToken);
                    catalog.Add(RevokedCardId, $"{patient.Name} (lost card, revoked)", lost.State);
                    Log.Seeded(logger, RevokedCardId);
                }

                var card = await PersonalizeAsync(personalizer, patient.Name, patient.BirthDate, patient.Sex, CardHolderRole.Patient, Create, summary, cancellationToken);
                await DeclareAsync(holder!, cancellationToken);
                foreach (var record in DemoRecords.For(patient))
                {
                    using var content = new MemoryStream(Encoding.UTF8.GetBytes(record.Text));
                    await records.AddRecordAsync(author, holder!.Address, content, "text/plain", record.Emergency, cancellationToken);
                }

                catalog.Add(patient.Id, $"{patient.Name} (demo patient)", card.State);
                Log.Seeded(logger, patient.Id);
            }
        }
        finally
        {
            foreach (var participant in participants)
            {
                participant.Dispose();
            }
        }
    }

    private static readonly (string Name, string Department)[] DemoClinicians =
    [
        ("Dr Aisha Rahman", "Emergency medicine"),
        ("Dr Ines Moreau", "Cardiology"),
        ("Dr Tom Okafor", "General practice"),
    ];

    private static Participant Track(List<Participant> participants, Participant participant)
    {
        participants.Add(participant);
        return participant;
    }

    private static ReadOnlyMemory<byte> MinimalSummary(Participant author, DateOnly today) =>
        new EmergencySummary(
            AllergiesNoneKnown: true,
            Allergies: [],
            Medications: [],
            Problems: [],
            Resuscitation: ResuscitationStatus.Unknown,
            BloodGroup: null,
            Contacts: [],
            Author: author.Address,
            Date: today).Sign(author);

    private async Task DeclareAsync(Participant participant, CancellationToken cancellationToken)
    {
        if (await ledger.GetParticipantAsync(participant.Address, cancellationToken) is null)
        {
            await ledger.AppendAsync(participant, new IdentityDeclaration(participant.Address, participant.Role, Convert.ToBase64String(participant.EncryptionPublicKey.Span)), cancellationToken);
        }
    }

    private static async Task<(DesfireCardState State, ulong Serial)> PersonalizeAsync(
        CardPersonalizer personalizer,
        string name,
        DateOnly birthDate,
        string sex,
        CardHolderRole role,
        Func<int, Participant> createParticipant,
        ReadOnlyMemory<byte> summary,
        CancellationToken cancellationToken)
    {
        var card = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.EightKilobytes));
        var result = await personalizer.PersonalizeAsync(new SimulatedCardTransport(card), new PersonalizationRequest
        {
            Name = name,
            BirthDate = birthDate,
            Sex = sex,
            IssuerId = 1,
            Role = role,
            CreateParticipant = createParticipant,
            Pin = DemoPatients.Pin,
            Kdf = Argon2Parameters.FastForTests,
            SignedEmergencySummary = summary,
        }, cancellationToken: cancellationToken);
        card.PowerOff();
        return (card.State, result.Info.CardSerial);
    }

    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Information, "Demo card {CardId} created")]
        public static partial void Seeded(ILogger logger, string cardId);
    }
}
