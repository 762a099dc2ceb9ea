namespace MedBlocks.Kiosk.Tests.CheckIn;

public sealed class ArrivalLogTests : IDisposable
{
    private readonly KioskTestKit kit = new();

    [Fact]
    public void Record_NumbersTicketsPerDayAndSurvivesRestart()
    {
        Assert.Equal(1, kit.Arrivals.Record("Jenny T.", 2003, "a").Ticket);
        Assert.Equal(2, kit.Arrivals.Record("Omar H.", 1958, "b").Ticket);

        var reopened = new MedBlocks.Kiosk.CheckIn.ArrivalLog(Microsoft.Extensions.Options.Options.Create(kit.Options), kit.Time);
        Assert.Equal(["Jenny T.", "Omar H."], reopened.Today().Select(a => a.MaskedName));

        kit.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(reopened.Today());
        Assert.Equal(1, reopened.Record("Ana C.", 1990, "c").Ticket);
    }

    [Fact]
    public void Today_TornLastLine_KeepsEarlierArrivals()
    {
        kit.Arrivals.Record("Jenny T.", 2003, "a");
        var file = Directory.GetFiles(kit.Folder, "arrivals-*.jsonl").Single();
        File.AppendAllText(file, "{\"Ticket\":2,\"Ti");

        Assert.Single(kit.Arrivals.Today());
        Assert.Equal(2, kit.Arrivals.Record("Omar H.", 1958, "b").Ticket);
    }

    public void Dispose() => kit.Dispose();
}
