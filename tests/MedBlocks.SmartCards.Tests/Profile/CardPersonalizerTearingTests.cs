using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;
using Xunit.Abstractions;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardPersonalizerTearingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PersonalizeAsync_PowerCutAtEveryApdu_CardIsNeverHalfValidAndRestarts()
    {
        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        using var kioskKeys = PatientCardTestKit.KioskKeys();
        var personalizer = new CardPersonalizer(enrolment, PatientCardTestKit.Clock());
        var (_, reference) = PatientCardTestKit.BlankCard();
        var untorn = await personalizer.PersonalizeAsync(reference, PatientCardTestKit.Request(fixedBits: 2048));
        var total = (int)reference.CommandsSent;
        var outcomes = new Dictionary<string, int>();

        for (var cut = 0; cut < total; cut++)
        {
            var (card, transport) = PatientCardTestKit.BlankCard();
            card.Faults.CutPowerAfter(cut);
            await Assert.ThrowsAsync<CardRemovedException>(() => personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request(fixedBits: 2048)));
            transport.Reconnect();

            string outcome;
            using (var reader = new PatientCardReader(transport, kioskKeys, new StationIdentity("kiosk", StationRole.CheckIn), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock()))
            {
                try
                {
                    var read = await reader.ReadForCheckInAsync();
                    // Only a card torn after its card info was written may read; then everything must be there.
                    Assert.Equal(PatientCardTestKit.Serial, read.Info.CardSerial);
                    Assert.Equal(PatientCardTestKit.Patient(2048).Address, read.Identity.Address);
                    using var participant = await reader.UnlockKeyMaterialAsync(PatientCardTestKit.Pin);
                    Assert.Equal(read.Identity.Address, participant.Address);
                    outcome = "issued";
                }
                catch (PatientCardException e)
                {
                    Assert.Contains(e.Error, new[] { PatientCardError.NotIssued, PatientCardError.NoMedBlocksApplication });
                    outcome = e.Error.ToString();
                }
            }

            transport.Reconnect();
            var condition = await personalizer.InspectAsync(transport);
            if (outcome == "issued")
            {
                Assert.Equal(CardCondition.Issued, condition);
            }
            else
            {
                Assert.Contains(condition, new[] { CardCondition.Blank, CardCondition.Interrupted });
            }

            transport.Reconnect();
            var result = await personalizer.PersonalizeAsync(transport, PatientCardTestKit.Request(fixedBits: 2048, format: condition == CardCondition.Issued));
            Assert.Equal(condition != CardCondition.Blank, result.Restarted);
            // FormatPICC gave back everything an interrupted run had allocated.
            Assert.Equal(untorn.FreeMemoryAfter, result.FreeMemoryAfter);

            transport.Reconnect();
            using (var reader = new PatientCardReader(transport, kioskKeys, new StationIdentity("kiosk", StationRole.CheckIn), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock()))
            {
                Assert.Equal("Jenny Tallia", (await reader.ReadForCheckInAsync()).Identity.Name);
            }

            var key = $"{outcome}/{condition}";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        output.WriteLine($"{total} tear points: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        Assert.Equal(total, outcomes.Values.Sum());
        Assert.True(outcomes.ContainsKey("NoMedBlocksApplication/Blank"));
        Assert.True(outcomes.ContainsKey("NotIssued/Interrupted"));
    }
}
