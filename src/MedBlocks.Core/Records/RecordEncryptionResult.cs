namespace MedBlocks.Core.Records;

/// <summary>What encrypting a record produced, beside the ciphertext itself.</summary>
/// <param name="PlaintextLength">Bytes read from the plaintext stream.</param>
/// <param name="CiphertextLength">Bytes written to the ciphertext stream (header, segments and tags).</param>
/// <param name="CiphertextSha256">SHA-256 of all ciphertext bytes written, computed while encrypting; the author signs it (<c>RecordSignature</c>).</param>
public sealed record RecordEncryptionResult(long PlaintextLength, long CiphertextLength, ReadOnlyMemory<byte> CiphertextSha256);
