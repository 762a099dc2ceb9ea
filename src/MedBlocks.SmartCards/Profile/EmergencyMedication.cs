namespace MedBlocks.SmartCards.Profile;

/// <summary>A current medication on the emergency summary.</summary>
public sealed record EmergencyMedication(string Name, string Dose);
