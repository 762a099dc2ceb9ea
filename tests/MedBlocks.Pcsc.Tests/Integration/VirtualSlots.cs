namespace MedBlocks.Pcsc.Tests.Integration;

internal static class VirtualSlots
{
    /// <summary>
    /// Waits until pcscd has seen every virtual card leave (it polls vpcd every 400 ms), so the next
    /// test does not meet the previous test's card.
    /// </summary>
    public static async Task WaitUntilEmptyAsync()
    {
        await Task.Run(() =>
        {
            using var context = PcscContext.Establish();
            PcscReaderState[] states = [new(PcscdFixture.Slot0Reader), new(PcscdFixture.Slot1Reader)];
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (DateTime.UtcNow < deadline)
            {
                context.WaitForChange(states, TimeSpan.FromMilliseconds(500));
                if (states.All(s => (s.EventState & ReaderStates.Present) == 0))
                {
                    return;
                }

                foreach (var s in states)
                {
                    s.Acknowledge();
                }
            }

            Assert.Fail("a virtual card was still present 5 s after its bridge closed");
        });
    }
}
