using System.Threading.Channels;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.CheckIn;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.Kiosk.Components;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Kiosk.Enrolment;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Records;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Staff;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.SmartCards.Profile;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk;

/// <summary>Wires the kiosk: options, the card side for the configured reader mode, the screens and the endpoints.</summary>
public static class KioskHostExtensions
{
    public static WebApplicationBuilder AddKiosk(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serves the framework's static assets from a build output as well as from a publish folder.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSystemd();
        services.AddOptions<KioskOptions>()
            .Bind(builder.Configuration.GetSection(KioskOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KioskOptions>, KioskOptionsValidator>();
        services.AddSingleton(TimeProvider.System);

        var kiosk = builder.Configuration.GetSection(KioskOptions.SectionName).Get<KioskOptions>() ?? new KioskOptions();
        services.AddSingleton<ScreenEventHub>();
        services.AddSingleton<ArrivalLog>();
        services.AddSingleton(sp => new PinAttemptLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IKeyProvider>(sp => new ConfigurationKeyProvider(sp.GetRequiredService<IOptions<KioskOptions>>().Value.CardKeys));
        services.AddSingleton(sp => new StationIdentity(
            sp.GetRequiredService<IConfiguration>()["Kiosk:StationAddress"] ?? DefaultStationAddress,
            sp.GetRequiredService<IOptions<KioskOptions>>().Value.Role switch
            {
                KioskRole.Emergency => StationRole.Emergency,
                KioskRole.Enrolment => StationRole.Enrolment,
                _ => StationRole.CheckIn,
            }));

        if (kiosk.Reader == ReaderMode.Pcsc)
        {
            services.AddCardWorker(builder.Configuration);
            services.AddSingleton<ICardTransportSource, PcscCardTransportSource>();
        }
        else
        {
            services.AddSingleton<ChannelCardEventSink>();
            services.AddSingleton<ICardEventSink>(sp => sp.GetRequiredService<ChannelCardEventSink>());
            services.AddSingleton<ChannelReader<CardEvent>>(sp => sp.GetRequiredService<ChannelCardEventSink>().Reader);
            services.AddSingleton<DemoCardCatalog>();
            services.AddSingleton<DemoSeeder>();
            services.AddSingleton<SimulatedReader>();
            services.AddSingleton<ICardTransportSource>(sp => sp.GetRequiredService<SimulatedReader>());
        }

        builder.AddKioskRecords(kiosk);
        services.AddSingleton<CardInReader>();
        services.AddSingleton<StationStaff>();
        services.AddSingleton<ClinicianDirectory>();
        services.AddSingleton<ConsentService>();
        services.AddEmergencyStation();
        builder.AddKioskEnrolment();
        services.AddHostedService<CardTapProcessor>();
        services.AddHealthChecks();
        services.AddAuthentication(StaffBasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, StaffBasicAuthenticationHandler>(StaffBasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication MapKiosk(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health");
        app.MapGet("/error", () => Results.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>MedBlocks</title></head><body><h1>Something went wrong. Please ask at the desk.</h1><p><a href=\"/\">Back to start</a></p></body></html>",
            "text/html"));
        app.MapGet("/staff/arrivals", (ArrivalLog arrivals) => Results.Content(ArrivalsPage.Render(arrivals.Today()), "text/html"))
            .RequireAuthorization();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>A station without a configured ledger address still logs card reads under a fixed demo address.</summary>
    private const string DefaultStationAddress = "11111111111111111111111111111111";
}
