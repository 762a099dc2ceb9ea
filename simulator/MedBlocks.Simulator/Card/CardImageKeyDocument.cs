namespace MedBlocks.Simulator.Card;

/// <summary>A key in a card image: type ("2K3DES", "3K3DES", "AES"), hex value, AES version.</summary>
internal sealed record CardImageKeyDocument(string Type, string Value, byte Version);
