namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// The patient's usual values, so a crew can tell what is abnormal for this patient: blood
/// pressure (mmHg, both values or neither), heart rate (/min), SpO2 (%), weight (kg, one decimal)
/// and eGFR (mL/min/1.73 m²). Null means not recorded.
/// </summary>
public sealed record EmergencyBaseline(
    int? SystolicMmHg = null,
    int? DiastolicMmHg = null,
    int? HeartRatePerMinute = null,
    int? SpO2Percent = null,
    decimal? WeightKg = null,
    int? Egfr = null)
{
    public static EmergencyBaseline None { get; } = new();

    public bool IsEmpty => this == None;

    /// <exception cref="ArgumentException">A value outside a plausible range, or half a blood pressure.</exception>
    public void Validate()
    {
        if (SystolicMmHg.HasValue != DiastolicMmHg.HasValue)
        {
            throw new ArgumentException("A usual blood pressure needs both systolic and diastolic values.", nameof(SystolicMmHg));
        }

        Range(SystolicMmHg, 50, 300, "systolic blood pressure");
        Range(DiastolicMmHg, 20, 200, "diastolic blood pressure");
        if (SystolicMmHg <= DiastolicMmHg)
        {
            throw new ArgumentException("The systolic blood pressure must be above the diastolic.", nameof(SystolicMmHg));
        }

        Range(HeartRatePerMinute, 20, 250, "heart rate");
        Range(SpO2Percent, 50, 100, "SpO2");
        Range(Egfr, 1, 200, "eGFR");
        if (WeightKg is { } weight && (weight is < 0.2m or > 500m || decimal.Round(weight, 1) != weight))
        {
            throw new ArgumentException("The weight must be 0.2..500 kg with at most one decimal.", nameof(WeightKg));
        }
    }

    private static void Range(int? value, int min, int max, string what)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new ArgumentException($"The usual {what} must be {min}..{max}.", what);
        }
    }
}
