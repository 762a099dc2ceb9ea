using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>Steps on the paramedic station's page: staff sign-in with card and PIN on the keypad.</summary>
internal static class EmergencyStationPage
{
    /// <summary>Taps the staff card (simulator panel or a card already put in a reader by the caller), then enters the PIN.</summary>
    public static async Task EnterPinAsync(IPage page, string pin)
    {
        await Assertions.Expect(page.Locator("section.staff-signin #staff-who")).ToHaveTextAsync("Alex M., paramedic");
        foreach (var digit in pin)
        {
            await page.ClickAsync($"button[data-digit='{digit}']");
        }

        await page.ClickAsync("#pin-ok");
    }

    public static async Task SignInWithSimulatorAsync(IPage page)
    {
        await page.ClickAsync("button.sim-tap[data-card=paramedic]");
        await EnterPinAsync(page, "1234");
        await Assertions.Expect(page.Locator("#staff-bar #staff-who")).ToHaveTextAsync("Signed in: Alex M. (paramedic)");
        await page.ClickAsync("#sim-remove");
    }
}
