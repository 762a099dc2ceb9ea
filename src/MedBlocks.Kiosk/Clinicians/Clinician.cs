namespace MedBlocks.Kiosk.Clinicians;

/// <summary>A clinician of the site's directory: shown by name and department, granted to by ledger address.</summary>
public sealed record Clinician(string Name, string Department, string Address);
