using MedBlocks.Kiosk;
using MedBlocks.Kiosk.Demo;

var builder = WebApplication.CreateBuilder(args);
builder.AddKiosk();

var app = builder.Build();
if (app.Services.GetService<DemoSeeder>() is { } seeder)
{
    await seeder.SeedAsync(app.Lifetime.ApplicationStopping);
}

app.MapKiosk();
await app.RunAsync();

/// <summary>The kiosk host's entry point (named for tests that start the real server).</summary>
public partial class Program;
