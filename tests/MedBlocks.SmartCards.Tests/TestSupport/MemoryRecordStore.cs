using MedBlocks.Core.Records;

namespace MedBlocks.TestSupport;

/// <summary>Records by SHA-256 in memory, for tests and benchmarks about cards rather than stores (linked into several projects).</summary>
internal sealed class MemoryRecordStore : IRecordStore
{
    private readonly Dictionary<string, byte[]> _records = new(StringComparer.Ordinal);

    public async Task<string> AddAsync(Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var cid = "f" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        _records[cid] = bytes;
        return cid;
    }

    public Task<Stream> OpenReadAsync(string cid, CancellationToken cancellationToken = default) =>
        _records.TryGetValue(cid, out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
            : throw new RecordNotFoundException(cid);

    public Task<bool> ContainsAsync(string cid, CancellationToken cancellationToken = default) => Task.FromResult(_records.ContainsKey(cid));
}
