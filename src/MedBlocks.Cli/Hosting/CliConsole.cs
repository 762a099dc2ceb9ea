using System.Text;

namespace MedBlocks.Cli.Hosting;

/// <summary>The streams the command line talks through; tests substitute their own.</summary>
internal class CliConsole
{
    public CliConsole(TextReader input, TextWriter output, TextWriter error, bool isInteractive)
    {
        In = input;
        Out = output;
        Error = error;
        IsInteractive = isInteractive;
    }

    public TextReader In { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Whether a person types at a terminal (secrets are then read without echo).</summary>
    public bool IsInteractive { get; }

    public static CliConsole FromSystem() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected && !Console.IsOutputRedirected);

    /// <summary>Standard output as bytes, for records written to the terminal or a pipe.</summary>
    public virtual Stream OpenBinaryOutput() => Console.OpenStandardOutput();

    /// <summary>Reads one secret line; at a terminal without echo, otherwise from standard input.</summary>
    public virtual string? ReadSecret(string prompt)
    {
        if (!IsInteractive)
        {
            return In.ReadLine();
        }

        Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
