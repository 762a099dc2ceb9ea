using MedBlocks.Kiosk.Demo;

namespace MedBlocks.Kiosk;

/// <summary>The kiosk host: card worker, card tap processor and the station's screens in one process.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddKiosk();

        var app = builder.Build();
        if (app.Services.GetService<DemoSeeder>() is { } seeder)
        {
            await seeder.SeedAsync(app.Lifetime.ApplicationStopping);
        }

        app.MapKiosk();
        await app.RunAsync();
    }
}
