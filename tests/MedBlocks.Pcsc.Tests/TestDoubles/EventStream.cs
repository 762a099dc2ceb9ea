namespace MedBlocks.Pcsc.Tests.TestDoubles;

/// <summary>Reads an async stream item by item with a deadline, so a missing event fails instead of hanging.</summary>
internal sealed class EventStream<T>(IAsyncEnumerable<T> source) : IAsyncDisposable
{
    private readonly IAsyncEnumerator<T> enumerator = source.GetAsyncEnumerator();

    public async Task<T> NextAsync(TimeSpan? timeout = null)
    {
        var move = enumerator.MoveNextAsync().AsTask();
        var finished = await Task.WhenAny(move, Task.Delay(timeout ?? TimeSpan.FromSeconds(5)));
        Assert.True(finished == move, "no event arrived in time");
        Assert.True(await move, "the event stream ended");
        return enumerator.Current;
    }

    public async Task<List<T>> TakeAsync(int count, TimeSpan? timeout = null)
    {
        var items = new List<T>();
        for (var i = 0; i < count; i++)
        {
            items.Add(await NextAsync(timeout));
        }

        return items;
    }

    public ValueTask DisposeAsync() => enumerator.DisposeAsync();
}
