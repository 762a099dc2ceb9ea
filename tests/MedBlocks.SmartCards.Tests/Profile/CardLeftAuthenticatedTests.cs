using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardLeftAuthenticatedTests
{
    [Fact]
    public async Task FormatAsync_CardStillAuthenticatedFromAnEarlierSession_Formats()
    {
        var (_, transport) = await PatientCardReaderTests.IssuedCardAsync();
        using var keys = PatientCardTestKit.ParamedicKeys();
        using (var reader = new PatientCardReader(transport, keys, new StationIdentity("ambulance-7", StationRole.Emergency), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock()))
        {
            // The card stays in the field, still authenticated with K3: the next connection meets it so.
            await reader.ReadForEmergencyAsync();
        }

        using var enrolment = PatientCardTestKit.EnrolmentKeys();
        var personalizer = new CardPersonalizer(enrolment, PatientCardTestKit.Clock());
        await personalizer.FormatAsync(transport);

        Assert.Equal(CardCondition.Interrupted, await personalizer.InspectAsync(transport));
    }
}
