using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.CheckIn;
using MedBlocks.Kiosk.Options;
using MedBlocks.SmartCards.Profile;
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

    /// <summary>Master keys of the development network the demo cards are issued for (never a real network's).</summary>
    public static CardKeyOptions DevelopmentCardKeys() => new()
    {
        PiccMaster = "00112233445566778899AABBCCDDEEFF",
        ApplicationMaster = "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
        Write = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF",
        Read = "B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF",
        Emergency = "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF",
    };

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
