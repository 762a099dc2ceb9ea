using MedBlocks.Core.Ledger;
using MedBlocks.SmartCards.Profile;
using Moq;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class LedgerCardRevocationCheckTests
{
    [Theory]
    [InlineData(CardRevocationReason.Lost)]
    [InlineData(CardRevocationReason.Stolen)]
    [InlineData(null)]
    public async Task GetRevocationAsync_AsksTheLedgerForThatPatientsSerial(CardRevocationReason? reason)
    {
        using var cancellation = new CancellationTokenSource();
        var ledger = new Mock<ILedger>(MockBehavior.Strict);
        ledger.Setup(l => l.GetCardRevocationAsync("patient-address", "04A1B2", cancellation.Token)).ReturnsAsync(reason);

        var check = new LedgerCardRevocationCheck(ledger.Object);

        Assert.Equal(reason, await check.GetRevocationAsync("patient-address", "04A1B2", cancellation.Token));
        ledger.VerifyAll();
    }

    [Fact]
    public void Constructor_WithoutLedger_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new LedgerCardRevocationCheck(null!));
}
