using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Pcsc.Tests.TestDoubles;

namespace MedBlocks.Pcsc.Tests.Integration;

internal static class EventWaits
{
    /// <summary>Skips events until one matches; fails when none does within <paramref name="timeout"/>.</summary>
    public static async Task<ReaderEvent> WaitForAsync(this EventStream<ReaderEvent> events, ReaderEventKind kind, string reader, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no {kind} for '{reader}' within {timeout}");
            var next = await events.NextAsync(left);
            if (next.Kind == kind && next.ReaderName == reader)
            {
                return next;
            }
        }
    }
}
