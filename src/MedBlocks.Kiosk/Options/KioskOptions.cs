using System.ComponentModel.DataAnnotations;

namespace MedBlocks.Kiosk.Options;

/// <summary>Configuration section "Kiosk".</summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    public KioskRole Role { get; set; } = KioskRole.CheckIn;

    public ReaderMode Reader { get; set; } = ReaderMode.Simulated;

    /// <summary>Where the station keeps its demo cards, arrivals and seed marker.</summary>
    [Required]
    public string DataFolder { get; set; } = "kiosk-data";

    /// <summary>How long a greeting or ticket stays on screen without interaction.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Password for the staff pages (arrivals list); required for the staff page to open.</summary>
    [Required]
    [MinLength(8)]
    public string StaffPassword { get; set; } = string.Empty;

    /// <summary>Signed-in staff are signed out after this long without activity on screen.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan StaffIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where records are kept: the embedded store in the data folder, or the IPFS node of section <c>Ipfs</c>.</summary>
    public MedBlocks.Kiosk.Records.RecordStoreKind RecordStore { get; set; } = MedBlocks.Kiosk.Records.RecordStoreKind.Embedded;

    /// <summary>Ledger addresses of the emergency services whose keys emergency records are wrapped for.</summary>
    public IList<string> EmergencyServiceKeys { get; } = [];

    /// <summary>Network master keys (32 hex digits each) this station holds.</summary>
    public MedBlocks.SmartCards.Profile.CardKeyOptions CardKeys { get; set; } = new();
}
