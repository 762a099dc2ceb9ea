namespace MedBlocks.Kiosk.CheckIn;

/// <summary>What a consent grant achieved: records newly shared and records the clinician already held.</summary>
public sealed record ConsentResult(string ClinicianName, int Granted, int AlreadyShared);
