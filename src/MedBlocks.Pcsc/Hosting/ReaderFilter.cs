using System.Text.RegularExpressions;

namespace MedBlocks.Pcsc.Hosting;

/// <summary>The compiled include/exclude reader patterns of <see cref="CardWorkerOptions"/>.</summary>
public sealed class ReaderFilter
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex[] include;
    private readonly Regex[] exclude;

    private ReaderFilter(Regex[] include, Regex[] exclude)
    {
        this.include = include;
        this.exclude = exclude;
    }

    /// <exception cref="ArgumentException">A pattern is not a valid regular expression; the message names it.</exception>
    public static ReaderFilter Create(CardWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ReaderFilter(
            Compile(options.IncludeReaders, options.PatternSyntax, nameof(options.IncludeReaders)),
            Compile(options.ExcludeReaders, options.PatternSyntax, nameof(options.ExcludeReaders)));
    }

    public bool Matches(string readerName) =>
        (include.Length == 0 || include.Any(r => r.IsMatch(readerName)))
        && !exclude.Any(r => r.IsMatch(readerName));

    private static Regex[] Compile(IList<string> patterns, ReaderPatternSyntax syntax, string listName)
    {
        var compiled = new Regex[patterns.Count];
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i] ?? string.Empty;
            var expression = syntax == ReaderPatternSyntax.Glob
                ? "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$"
                : pattern;
            try
            {
                compiled[i] = new Regex(expression, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{CardWorkerOptions.SectionName}:{listName}[{i}] '{pattern}' is not a valid regular expression: {ex.Message}", ex);
            }
        }

        return compiled;
    }
}
