namespace MedBlocks.Kiosk.Cards;

/// <summary>What the room may see of a name: the first given name and the family name's initial ("Jenny T.").</summary>
public static class NameMask
{
    public static string Mask(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => "?",
            1 => parts[0].Length <= 1 ? parts[0] : $"{parts[0][0]}.",
            _ => $"{parts[0]} {char.ToUpperInvariant(parts[^1][0])}.",
        };
    }
}
