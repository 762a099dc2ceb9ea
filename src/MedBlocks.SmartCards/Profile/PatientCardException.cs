namespace MedBlocks.SmartCards.Profile;

/// <summary>A card is foreign, damaged, incomplete or unusable; <see cref="Error"/> names which.</summary>
public sealed class PatientCardException : Exception
{
    public PatientCardException()
    {
    }

    public PatientCardException(string message)
        : base(message)
    {
    }

    public PatientCardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PatientCardException(PatientCardError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public PatientCardError Error { get; }
}
