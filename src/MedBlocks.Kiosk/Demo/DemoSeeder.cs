using MedBlocks.Core.Participants;
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
/// Creates the demo cards in the data folder once: a personalised card per demo patient, a blank
/// card (enrolment) and a card of another system (refused as foreign). Cards already present are kept.
/// </summary>
public sealed partial class DemoSeeder(DemoCardCatalog catalog, IOptions<KioskOptions> options, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const string BlankCardId = "blank";
    public const string ForeignCardId = "foreign";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = catalog.Cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var missing = DemoPatients.All.Where(p => !existing.Contains(p.Id)).ToList();
        if (missing.Count > 0)
        {
            using var keys = new ConfigurationKeyProvider(options.Value.CardKeys);
            using var author = Participant.Create(ParticipantRole.Practitioner, 2048);
            var personalizer = new CardPersonalizer(keys, time);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            foreach (var patient in missing)
            {
                var card = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.EightKilobytes));
                var transport = new SimulatedCardTransport(card);
                Participant? created = null;
                try
                {
                    await personalizer.PersonalizeAsync(transport, new PersonalizationRequest
                    {
                        Name = patient.Name,
                        BirthDate = patient.BirthDate,
                        Sex = patient.Sex,
                        IssuerId = 1,
                        CreateParticipant = bits => created = Participant.Create(ParticipantRole.Patient, bits),
                        Pin = patient.Pin,
                        Kdf = Argon2Parameters.FastForTests,
                        SignedEmergencySummary = patient.Summary(author.Address, today).Sign(author),
                    }, cancellationToken: cancellationToken);
                }
                finally
                {
                    created?.Dispose();
                }

                card.PowerOff();
                catalog.Add(patient.Id, $"{patient.Name} (demo patient)", card.State);
                Log.Seeded(logger, patient.Id);
            }
        }

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

    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Information, "Demo card {CardId} created")]
        public static partial void Seeded(ILogger logger, string cardId);
    }
}
