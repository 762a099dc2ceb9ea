using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>A participant's identity as currently in force on the ledger (after any key rotations).</summary>
/// <param name="Address">Base58 Ed25519 address.</param>
/// <param name="Role">Declared role.</param>
/// <param name="EncryptionKey">Base64 RSA SPKI.</param>
/// <param name="EncryptionKeyFingerprint">See <see cref="IdentityDeclaration.ComputeFingerprint"/>.</param>
/// <param name="Label">Public label, organisations only.</param>
/// <param name="Position">Position of the declaration in force.</param>
/// <param name="DeclaredAt">Time of the declaration in force.</param>
public sealed record DeclaredParticipant(
    string Address,
    ParticipantRole Role,
    string EncryptionKey,
    string EncryptionKeyFingerprint,
    string? Label,
    long Position,
    DateTimeOffset DeclaredAt);
