using MedBlocks.Core.Records;

namespace MedBlocks.Kiosk.Tests.Emergency;

/// <summary>The real record store, with one stored record's bytes flipped and another unreachable, as chosen by CID.</summary>
internal sealed class FaultyRecordStore(IRecordStore inner) : IRecordStore
{
    public HashSet<string> Tampered { get; } = [];

    public HashSet<string> Unreachable { get; } = [];

    public Task<string> AddAsync(Stream content, CancellationToken cancellationToken = default) => inner.AddAsync(content, cancellationToken);

    public Task<bool> ContainsAsync(string cid, CancellationToken cancellationToken = default) => inner.ContainsAsync(cid, cancellationToken);

    public async Task<Stream> OpenReadAsync(string cid, CancellationToken cancellationToken = default)
    {
        if (Unreachable.Contains(cid))
        {
            throw new RecordStoreException($"The record store node cannot be reached for {cid} (test).");
        }

        var stored = await inner.OpenReadAsync(cid, cancellationToken);
        if (!Tampered.Contains(cid))
        {
            return stored;
        }

        var copy = new MemoryStream();
        await using (stored)
        {
            await stored.CopyToAsync(copy, cancellationToken);
        }

        var bytes = copy.ToArray();
        bytes[^20] ^= 0x01;
        return new MemoryStream(bytes);
    }
}
