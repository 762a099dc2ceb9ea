namespace MedBlocks.Fhir;

/// <summary>How <see cref="EmergencySummaryBundleReader"/> treats a Bundle made elsewhere.</summary>
public sealed record IpsImportOptions
{
    /// <summary>
    /// The Ed25519 address of the clinician who will sign the imported summary. It becomes the
    /// summary's author (a different author in the Bundle is reported as a warning). Without it the
    /// Bundle's author must be a Practitioner with a MedBlocks address.
    /// </summary>
    public string? SigningAuthor { get; init; }

    /// <summary>
    /// False (default): content the summary cannot carry is an error listing every such part.
    /// True: it is left out and listed in <see cref="IpsImportResult.Warnings"/>, for a clinician to review.
    /// </summary>
    public bool AcceptLoss { get; init; }
}
