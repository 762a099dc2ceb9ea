using System.Diagnostics;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Ledger.AppendWorker;

namespace MedBlocks.Ledger.Tests;

public sealed class SqliteLedgerConcurrencyTests : IDisposable
{
    private const int PerProcess = 200;

    private readonly TempLedgerFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task AppendAsync_TwoProcessesAtOnce_SerialiseWithoutForkOrLoss()
    {
        var patient = new SeededSigner(13);
        var first = new SeededSigner(11);
        var second = new SeededSigner(12);
        using (var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = file.Path }))
        {
            await ledger.AppendAsync(patient, new IdentityDeclaration(patient.Address, ParticipantRole.Patient, TestRsaKeys.Rsa));
            await ledger.AppendAsync(first, new IdentityDeclaration(first.Address, ParticipantRole.Practitioner, TestRsaKeys.Rsa));
            await ledger.AppendAsync(second, new IdentityDeclaration(second.Address, ParticipantRole.Lab, TestRsaKeys.Rsa));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var workers = new[] { StartWorker(11, "procA"), StartWorker(12, "procB") };

        // Both processes have the ledger open before either appends, however slowly each started.
        foreach (var worker in workers)
        {
            Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync(timeout.Token));
        }

        foreach (var worker in workers)
        {
            await worker.StandardInput.WriteLineAsync("go");
            await worker.StandardInput.FlushAsync(timeout.Token);
        }

        var outputs = await Task.WhenAll(workers.Select(w => WaitAsync(w, timeout.Token)));

        Assert.All(outputs, o => Assert.Equal((0, $"appended {PerProcess}"), (o.ExitCode, o.Output.Split('\n')[0].Trim())));

        // The two writers contended: each was appending while the other was. (SQLite's busy handler
        // does not queue fairly, so one writer may wait until the other is done; that is allowed.)
        var windows = outputs.Select(o => o.Output.Split('\n')[1].Trim().Split(' ')).Select(w => (Start: long.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture), End: long.Parse(w[2], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.True(
            windows[0].Start < windows[1].End && windows[1].Start < windows[0].End,
            $"the writers did not overlap: {windows[0]} and {windows[1]}");
        using var reopened = new SqliteLedger(new SqliteLedgerOptions { Path = file.Path });
        var entries = await reopened.ReadSinceAsync(0).ToListAsync();
        Assert.Equal(3 + (2 * PerProcess), entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(i + 1, entries[i].Position);
            Assert.Equal(i == 0 ? LedgerEntry.GenesisPrev : entries[i - 1].Hash, entries[i].Prev);
        }

        var cids = entries.Skip(3).Select(e => MedBlockDeclaration.Parse(e.Body).Cid).ToList();
        Assert.Equal(2 * PerProcess, cids.Distinct().Count());
        Assert.Equal(PerProcess, cids.Count(c => c.StartsWith("procA", StringComparison.Ordinal)));
        Assert.Equal(PerProcess, cids.Count(c => c.StartsWith("procB", StringComparison.Ordinal)));
        Assert.Equal(2 * PerProcess, (await reopened.GetPatientMedBlocksAsync(patient.Address)).Count);
        var verification = await reopened.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(3 + (2 * PerProcess), verification.EntryCount);
    }

    private Process StartWorker(byte authorSeed, string tag)
    {
        var worker = typeof(SeededSigner).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { worker, file.Path, authorSeed.ToString(System.Globalization.CultureInfo.InvariantCulture), "13", PerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture), tag, "--wait-for-go" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<(int ExitCode, string Output)> WaitAsync(Process process, CancellationToken cancellationToken)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output + await error);
        }
    }
}
