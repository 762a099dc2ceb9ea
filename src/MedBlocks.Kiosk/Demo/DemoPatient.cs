using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Demo;

/// <summary>A fictitious patient of the demo set.</summary>
public sealed record DemoPatient(string Id, string Name, DateOnly BirthDate, string Sex, string Pin, Func<string, DateOnly, EmergencySummary> Summary);
