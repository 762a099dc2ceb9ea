namespace MedBlocks.Core.Sharing;

/// <summary>
/// The emergency services' addresses pinned by configuration. Records tagged emergency get a key
/// wrapped for each of them; the RSA key used is the one each address declared on the ledger.
/// </summary>
public sealed record EmergencyServiceKeys(IReadOnlyList<string> Addresses)
{
    public static EmergencyServiceKeys None { get; } = new(Array.Empty<string>());
}
