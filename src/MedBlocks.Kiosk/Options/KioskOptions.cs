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

    /// <summary>Network master keys (32 hex digits each) this station holds.</summary>
    public MedBlocks.SmartCards.Profile.CardKeyOptions CardKeys { get; set; } = new();
}
