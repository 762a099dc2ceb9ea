using System.Text.Json;
using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>Runs axe-core (npm, installed in tests/axe) in the page and returns the serious and critical violations.</summary>
public static class AxeCheck
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var script = Path.Combine(KioskProcess.RepositoryRoot(), "tests", "axe", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException("axe-core not installed: run tests/tools/install-test-deps.sh (npm ci in tests/axe)");
        }

        await page.AddScriptTagAsync(new() { Path = script });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'))");
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
