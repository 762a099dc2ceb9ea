namespace MedBlocks.Pcsc.Hosting;

/// <summary>How reader name patterns in <see cref="CardWorkerOptions"/> are read.</summary>
public enum ReaderPatternSyntax
{
    /// <summary>* matches any run of characters, ? one character; the whole name must match, case-insensitive.</summary>
    Glob,

    /// <summary>.NET regular expressions, matched anywhere in the name, case-insensitive.</summary>
    Regex,
}
