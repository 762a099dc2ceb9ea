namespace MedBlocks.Kiosk.Emergency;

/// <summary>Wires the paramedic station's tap read, online record reader and follower.</summary>
public static class EmergencyStationExtensions
{
    public static IServiceCollection AddEmergencyStation(this IServiceCollection services)
    {
        services.AddSingleton<EmergencyTapReader>();
        services.AddSingleton<EmergencyRecordReader>();
        services.AddSingleton<EmergencyRecordsFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<EmergencyRecordsFollower>());
        return services;
    }
}
