namespace MedBlocks.Fhir;

/// <summary>
/// FHIR content that cannot be mapped without losing or inventing data; <see cref="Problems"/> names
/// each part. The message may quote clinical text: show it to the clinician, never log it.
/// </summary>
public sealed class FhirMappingException : Exception
{
    public FhirMappingException(string message, IReadOnlyList<string> problems)
        : base($"{message} {string.Join("; ", problems)}.")
    {
        Problems = problems;
    }

    public FhirMappingException()
        : this("The FHIR content cannot be mapped.", [])
    {
    }

    public FhirMappingException(string message)
        : this(message, [])
    {
    }

    public FhirMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
