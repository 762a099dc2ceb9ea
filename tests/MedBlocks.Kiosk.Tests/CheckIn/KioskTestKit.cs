using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.CheckIn;
using MedBlocks.Kiosk.Options;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Kiosk.Tests.CheckIn;

/// <summary>A temporary data folder, a fake clock and the arrival log over them.</summary>
internal sealed class KioskTestKit : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public KioskTestKit()
    {
        Folder = Directory.CreateTempSubdirectory("kiosk-test-").FullName;
        Options = new KioskOptions { DataFolder = Folder, IdleTimeout = TimeSpan.FromSeconds(30), StaffPassword = "staff password" };
        Arrivals = new ArrivalLog(Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public string Folder { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public KioskOptions Options { get; }

    public ArrivalLog Arrivals { get; }

    public static PatientGreeted Jenny() => new("Jenny T.", 2003, "8hZq1wYQJg1kZ5f8u4v6yWmFQ1nQyC2pQ9iK3sV7xLhA", "0123456789ABCDEF", Start);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
