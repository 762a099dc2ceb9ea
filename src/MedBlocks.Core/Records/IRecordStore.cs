namespace MedBlocks.Core.Records;

/// <summary>
/// A content-addressed store of encrypted records (the embedded block store or an IPFS node).
/// Addresses are CIDs in their canonical text form.
/// </summary>
public interface IRecordStore
{
    /// <summary>Stores the bytes, streaming, and returns their content address.</summary>
    Task<string> AddAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the bytes stored under <paramref name="cid"/>. The stream verifies every block's hash
    /// against the address before handing its bytes out and throws <see cref="RecordIntegrityException"/> otherwise.
    /// </summary>
    /// <exception cref="RecordNotFoundException">Nothing is stored under that address.</exception>
    Task<Stream> OpenReadAsync(string cid, CancellationToken cancellationToken = default);

    /// <summary>Whether every block of <paramref name="cid"/> is present.</summary>
    Task<bool> ContainsAsync(string cid, CancellationToken cancellationToken = default);
}
