using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace MedBlocks.Benchmarks.Kiosk;

/// <summary>
/// A probe in the kiosk page: a MutationObserver notes the wall-clock time (Date.now()) at which the
/// awaited text first appears in the DOM, a capturing click listener the time of the click on a
/// simulator tap button; the card event's time is read from the simulator panel, which shows the
/// host's time of the card event (the same machine's wall clock).
/// </summary>
internal sealed class KioskLatencyProbe(IPage page)
{
    private const string Install = """
        () => {
          if (window.__kioskProbe) return;
          const probe = { selector: null, text: null, clickAt: null, renderedAt: null, frameAt: null };
          probe.check = () => {
            if (probe.selector === null || probe.renderedAt !== null) return;
            for (const e of document.querySelectorAll(probe.selector)) {
              if (e.textContent.includes(probe.text)) {
                probe.renderedAt = Date.now();
                requestAnimationFrame(() => { probe.frameAt = Date.now(); });
                return;
              }
            }
          };
          document.addEventListener('click', e => {
            if (e.target instanceof Element && e.target.closest('button.sim-tap')) probe.clickAt = Date.now();
          }, true);
          new MutationObserver(probe.check).observe(document.body, { childList: true, subtree: true, characterData: true });
          window.__kioskProbe = probe;
        }
        """;

    private const string Arm = """
        ([selector, text]) => {
          const probe = window.__kioskProbe;
          probe.selector = selector; probe.text = text; probe.clickAt = null; probe.renderedAt = null; probe.frameAt = null;
          probe.check();
          if (probe.renderedAt !== null) throw new Error('The awaited text is already on screen: ' + text);
        }
        """;

    // The simulator panel re-renders with the card event's time once the tap has returned; wait for both.
    private const string Marks = """
        () => {
          const probe = window.__kioskProbe;
          const cardEvent = document.querySelector('aside.simulator')?.getAttribute('data-card-event-ms');
          if (probe.frameAt === null || probe.clickAt === null || !cardEvent) return null;
          return JSON.stringify({ clickAt: probe.clickAt, renderedAt: probe.renderedAt, frameAt: probe.frameAt, cardEvent });
        }
        """;

    public Task InstallAsync() => page.EvaluateAsync(Install);

    /// <summary>Taps a demo card on the simulator panel and waits for <paramref name="text"/> in an element matching <paramref name="selector"/>.</summary>
    public async Task<TapLatency> TapAsync(string card, string selector, string text)
    {
        await page.EvaluateAsync(Arm, new[] { selector, text });
        await page.ClickAsync($"button.sim-tap[data-card={card}]");
        var handle = await page.WaitForFunctionAsync(Marks, null, new() { Timeout = 30_000 });
        using var marks = JsonDocument.Parse(await handle.JsonValueAsync<string>());
        var root = marks.RootElement;
        var clickAt = root.GetProperty("clickAt").GetDouble();
        var renderedAt = root.GetProperty("renderedAt").GetDouble();
        var frameAt = root.GetProperty("frameAt").GetDouble();
        var cardEvent = double.Parse(root.GetProperty("cardEvent").GetString()!, CultureInfo.InvariantCulture);
        // Date.now() has millisecond resolution: a card event may appear up to 1 ms after the click.
        if (cardEvent < clickAt - 1 || renderedAt < cardEvent - 1)
        {
            throw new InvalidOperationException($"Marks out of order (click {clickAt}, card event {cardEvent}, rendered {renderedAt}): not the same clock?");
        }

        return new TapLatency(renderedAt - cardEvent, frameAt - cardEvent, renderedAt - clickAt);
    }
}

/// <summary>
/// One tap, in milliseconds: card event → text in the DOM; card event → the next animation frame
/// (the frame that paints the text begins); click → text in the DOM (an upper bound that adds the
/// click's way to the host).
/// </summary>
internal readonly record struct TapLatency(double CardEventToDom, double CardEventToFrame, double ClickToDom);
