namespace MedBlocks.Core.Participants;

/// <summary>
/// Signs ledger entries on behalf of one participant. The private key stays behind this
/// interface (in memory, on a card, or in a hardware module).
/// </summary>
public interface IEntrySigner
{
    /// <summary>The participant's address: the base58 Ed25519 public key.</summary>
    string Address { get; }

    /// <summary>An Ed25519 signature (64 bytes) over <paramref name="message"/>.</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
