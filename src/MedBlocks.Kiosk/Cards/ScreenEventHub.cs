namespace MedBlocks.Kiosk.Cards;

/// <summary>
/// Fans card outcomes out to every open screen (Blazor circuit). Subscribers get events as they
/// happen and marshal them onto their own renderer; nothing polls.
/// </summary>
public sealed class ScreenEventHub
{
    private readonly Lock _lock = new();
    private ImmutableSubscribers _subscribers = new([]);

    public IDisposable Subscribe(Func<ScreenEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            _subscribers = new([.. _subscribers.Handlers, handler]);
        }

        return new Subscription(this, handler);
    }

    public async Task PublishAsync(ScreenEvent screenEvent)
    {
        foreach (var handler in _subscribers.Handlers)
        {
            await handler(screenEvent);
        }
    }

    private void Unsubscribe(Func<ScreenEvent, Task> handler)
    {
        lock (_lock)
        {
            _subscribers = new([.. _subscribers.Handlers.Where(h => h != handler)]);
        }
    }

    private sealed record ImmutableSubscribers(Func<ScreenEvent, Task>[] Handlers);

    private sealed class Subscription(ScreenEventHub hub, Func<ScreenEvent, Task> handler) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(handler);
    }
}
