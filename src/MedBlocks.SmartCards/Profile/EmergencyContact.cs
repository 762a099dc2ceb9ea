namespace MedBlocks.SmartCards.Profile;

/// <summary>Someone to call in an emergency.</summary>
public sealed record EmergencyContact(string Name, string Relation, string Phone);
