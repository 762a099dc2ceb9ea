using System.Text;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Cli.Tests;

/// <summary>
/// Runs <c>medblocks</c> in process against a temporary home folder, with the passphrase given
/// through the environment as a script would, and a cheap Argon2 profile so tests stay fast.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public const string Passphrase = "correct horse battery staple";

    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    /// <param name="time">The clock every run is given (default: the system clock).</param>
    public CliHarness(TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        Home = Path.Combine(Path.GetTempPath(), "medblocks-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
        environment[CliWorkspace.HomeVariable] = Home;
        environment[PassphraseSource.Variable] = Passphrase;
    }

    public string Home { get; }

    public string KeyFile(string name) => Path.Combine(Home, name + ".key.json");

    public void SetEnvironment(string name, string? value)
    {
        if (value is null)
        {
            environment.Remove(name);
        }
        else
        {
            environment[name] = value;
        }
    }

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var binary = new MemoryStream();
        var console = new CapturingConsole(new StringReader(string.Empty), output, error, binary);
        var application = new CliApplication(
            console,
            name => environment.TryGetValue(name, out var value) ? value : null,
            time,
            Argon2Parameters.FastForTests);
        var exitCode = await application.RunAsync(args);
        return new CliRun(exitCode, output.ToString(), error.ToString(), binary.ToArray());
    }

    /// <summary>Runs a command that must succeed, failing the test with its output otherwise.</summary>
    public async Task<CliRun> RunOkAsync(params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, $"medblocks {string.Join(' ', args)} failed: {run}");
        return run;
    }

    public async Task<string> CreateParticipantAsync(string name, string role)
    {
        var run = await RunOkAsync("participant", "create", "--role", role, "--rsa-bits", "2048", "--key", KeyFile(name), "--json");
        await RunOkAsync("register", "--key", KeyFile(name));
        return System.Text.Json.JsonDocument.Parse(run.Output).RootElement.GetProperty("address").GetString()!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned eventually.
        }
    }

    private sealed class CapturingConsole(TextReader input, TextWriter output, TextWriter error, Stream binary)
        : CliConsole(input, output, error, isInteractive: false)
    {
        public override Stream OpenBinaryOutput() => new NonClosingStream(binary);
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
