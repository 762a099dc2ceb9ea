namespace MedBlocks.Kiosk.Demo;

/// <summary>The invented records each demo patient starts with; emergency ones are readable by the demo paramedic.</summary>
public static class DemoRecords
{
    public sealed record Record(string Title, bool Emergency, string Text);

    public static IReadOnlyList<Record> For(DemoPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return
        [
            new("Discharge letter", false, $"Discharge letter (demo).\nPatient seen in outpatients; follow-up in six weeks.\nPatient id: {patient.Id}\n"),
            new("Blood test results", false, "Full blood count (demo): Hb 132 g/L, WCC 6.1, platelets 250. No action needed.\n"),
            new("Emergency care plan", true, $"Emergency care plan (demo) for {patient.Id}.\nKnown conditions and what to do first are on the card summary; this plan adds the escalation contacts and the last ECG description.\n"),
        ];
    }
}
