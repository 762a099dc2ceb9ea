using System.Text.Json;

namespace MedBlocks.Core.Ledger;

/// <summary>Parses entry bodies into their typed form, strictly.</summary>
public static class LedgerBody
{
    /// <exception cref="LedgerFormatException">The kind is unknown or the body is malformed.</exception>
    public static ILedgerBody Parse(string kind, JsonElement body) => kind switch
    {
        LedgerEntryKinds.Identity => IdentityDeclaration.Parse(body),
        LedgerEntryKinds.MedBlock => MedBlockDeclaration.Parse(body),
        LedgerEntryKinds.Grant => KeyGrant.Parse(body),
        LedgerEntryKinds.Refuse => Refusal.Parse(body),
        LedgerEntryKinds.RevokeCard => CardRevocation.Parse(body),
        LedgerEntryKinds.EmergencyAccess => EmergencyAccess.Parse(body),
        _ => throw new LedgerFormatException($"Unknown entry kind '{kind}'."),
    };

    /// <summary>The body of an entry, typed.</summary>
    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static ILedgerBody Parse(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Parse(entry.Kind, entry.Body);
    }

    /// <summary>The canonical element of a typed body, after checking it parses back strictly to the same kind.</summary>
    /// <exception cref="LedgerFormatException">The body's values are malformed.</exception>
    public static JsonElement ToCanonicalElement(ILedgerBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var element = CanonicalJson.ToElement(body.ToJson());
        _ = Parse(body.Kind, element);
        return element;
    }
}
