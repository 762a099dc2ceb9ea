using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Demo;

/// <summary>A fictitious member of staff of the demo site, with a staff card (PIN <see cref="DemoPatients.Pin"/>).</summary>
public sealed record DemoStaff(string Id, string Name, DateOnly BirthDate, string Sex, CardHolderRole Role)
{
    public static IReadOnlyList<DemoStaff> All { get; } =
    [
        new("paramedic", "Alex Morgan", new DateOnly(1986, 5, 14), "other", CardHolderRole.Paramedic),
        new("registrar", "Priya Shah", new DateOnly(1979, 9, 30), "female", CardHolderRole.Registrar),
    ];
}
