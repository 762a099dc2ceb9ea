namespace MedBlocks.SmartCards.Desfire;

/// <summary>DESFire generation, from the hardware major version.</summary>
public enum DesfireProduct
{
    Unknown,
    Mf3Icd40,
    Ev1,
    Ev2,
    Ev2Xl,
    Ev3,
}
