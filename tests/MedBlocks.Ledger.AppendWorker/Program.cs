using System.Globalization;
using MedBlocks.Core.Ledger;
using MedBlocks.Ledger;
using MedBlocks.Ledger.AppendWorker;

// Usage: <ledger path> <author seed byte> <patient seed byte> <count> <tag> [--wait-for-go]
// Appends <count> medblock entries by the author for the patient, each built on the current head
// and rebuilt when another process wins the race. Prints "appended <n>" on success, then
// "window <first attempt> <last append>" in Unix milliseconds.
// With --wait-for-go it prints "ready" once the ledger is open and waits for a line on standard
// input, so two workers begin together whatever their start-up times.
if (args.Length is not (5 or 6) || (args.Length == 6 && args[5] != "--wait-for-go"))
{
    await Console.Error.WriteLineAsync("usage: <ledger path> <author seed> <patient seed> <count> <tag> [--wait-for-go]");
    return 2;
}

var author = new SeededSigner(byte.Parse(args[1], CultureInfo.InvariantCulture));
var patient = new SeededSigner(byte.Parse(args[2], CultureInfo.InvariantCulture));
var count = int.Parse(args[3], CultureInfo.InvariantCulture);
var tag = args[4];
using var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = args[0], MaxAppendAttempts = 10_000 });
if (args.Length == 6)
{
    await ledger.GetHeadAsync();
    Console.WriteLine("ready");
    await Console.Out.FlushAsync();
    await Console.In.ReadLineAsync();
}

var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
var wrapped = Convert.ToBase64String(new byte[256]);
var recordSig = Convert.ToBase64String(new byte[64]);
for (var i = 0; i < count; i++)
{
    var keys = new Dictionary<string, string>(StringComparer.Ordinal) { [patient.Address] = wrapped };
    var cid = $"{tag}{i:D6}";
    var ctHash = LedgerEncoding.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(cid));
    await ledger.AppendAsync(author, new MedBlockDeclaration(cid, patient.Address, "text/plain", false, keys, ctHash, recordSig));
}

Console.WriteLine($"appended {count}");
Console.WriteLine($"window {started} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
return 0;
