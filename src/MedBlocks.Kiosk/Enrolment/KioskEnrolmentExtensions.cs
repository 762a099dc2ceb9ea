using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>The enrolment station's services: options (section "Enrolment"), patient backups and the card enrolment.</summary>
public static class KioskEnrolmentExtensions
{
    public static WebApplicationBuilder AddKioskEnrolment(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EnrolmentOptions>()
            .Bind(builder.Configuration.GetSection(EnrolmentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EnrolmentOptions>, EnrolmentOptionsValidator>();
        services.AddSingleton<PatientBackups>();
        services.AddSingleton<CardEnrolment>();
        return builder;
    }
}
