namespace MedBlocks.Pcsc.Hosting;

/// <summary>Configuration section "CardWorker": which readers the kiosk uses.</summary>
public sealed class CardWorkerOptions
{
    public const string SectionName = "CardWorker";

    /// <summary>Readers to use; empty means every reader.</summary>
    public IList<string> IncludeReaders { get; } = [];

    /// <summary>Readers never to use, even when included (e.g. the SAM slot of a dual reader).</summary>
    public IList<string> ExcludeReaders { get; } = [];

    public ReaderPatternSyntax PatternSyntax { get; set; } = ReaderPatternSyntax.Glob;

    /// <summary>How long one card's UID read may take before it is given up.</summary>
    public TimeSpan UidReadTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
