namespace MedBlocks.Cli.Commands;

/// <summary>The media type recorded for a file when <c>--type</c> is not given.</summary>
internal static class ContentTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".dcm"] = "application/dicom",
        [".hl7"] = "x-application/hl7-v2+er7",
        [".fhir"] = "application/fhir+json",
    };

    public static string ForFile(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : "application/octet-stream";
}
