using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;
using Xunit.Abstractions;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class PatientCardReaderTearingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReadForEmergencyAsync_PowerCutAtEveryApdu_CardStaysReadableAndLogWhole()
    {
        var (card, transport) = await PatientCardReaderTests.IssuedCardAsync();
        using var keys = PatientCardTestKit.ParamedicKeys();
        transport.ResetCounters();
        var expectedLog = 1;
        using (var reference = Reader(transport, keys))
        {
            await reference.ReadForEmergencyAsync();
            Assert.Equal(expectedLog, (await reference.ReadAccessLogAsync()).Count);
        }

        var total = (int)transport.CommandsSent - 1;
        for (var cut = 0; cut < total; cut++)
        {
            transport.Reconnect();
            card.Faults.CutPowerAfter(cut);
            using (var torn = Reader(transport, keys))
            {
                await Assert.ThrowsAsync<CardRemovedException>(() => torn.ReadForEmergencyAsync());
            }

            transport.Reconnect();
            using var again = Reader(transport, keys);
            var read = await again.ReadForEmergencyAsync();
            var log = await again.ReadAccessLogAsync();

            Assert.Equal(PatientCardTestKit.Summary().ToJsonBytes(), read.Summary.ToJsonBytes());
            // The torn tap's record is either committed whole or absent; the new tap's record is always there.
            Assert.Contains(log.Count, new[] { expectedLog + 1, expectedLog + 2, 9 });
            Assert.All(log, r => Assert.Equal(AccessLogAction.ReadEmergency, r.Action));
            expectedLog = log.Count;
        }

        output.WriteLine($"{total} tear points in an emergency read");
    }

    private static PatientCardReader Reader(ICardTransport transport, IKeyProvider keys) =>
        new(transport, keys, new StationIdentity("ambulance-7", StationRole.Emergency), new PinAttemptLimiter(PatientCardTestKit.Clock()), PatientCardTestKit.Clock());
}
