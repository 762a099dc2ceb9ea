using System.Security.Cryptography;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Ledger;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MedBlocks.Benchmarks;

/// <summary>
/// Builds (once, cached in the temp directory) a realistic ledger for the ledger benchmarks: 2 000 patients,
/// 200 practitioners, 20 labs, 2 emergency services, 10 sites; the rest MedBlocks spread over the patients,
/// half followed by a grant, some refusals and emergency reads.
/// </summary>
internal static class LedgerBenchmarkChain
{
    public const int Patients = 2_000;
    private const int Practitioners = 200;
    private const int Labs = 20;
    private const int EmergencyServices = 2;
    private const int Sites = 10;

    public static string CachedPath(int entries) =>
        Path.Combine(Path.GetTempPath(), "medblocks-bench", $"ledger-{entries}-v1.db");

    /// <summary>The path of a ledger with exactly <paramref name="entries"/> entries, building it if needed.</summary>
    public static string Ensure(int entries)
    {
        var path = CachedPath(entries);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        foreach (var stale in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(stale);
        }

        using (var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = building }))
        {
            Build(ledger, entries);
        }

        File.Move(building, path);
        return path;
    }

    public static IEntrySigner Patient(int index) => new BenchmarkSigner(index);

    private static void Build(SqliteLedger ledger, int total)
    {
        var rng = new Random(42);
        var spki = Convert.ToBase64String(RsaKey());
        var patients = Enumerable.Range(0, Patients).Select(i => new BenchmarkSigner(i)).ToArray();
        var practitioners = Enumerable.Range(10_000, Practitioners).Select(i => new BenchmarkSigner(i)).ToArray();
        var labs = Enumerable.Range(20_000, Labs).Select(i => new BenchmarkSigner(i)).ToArray();
        var emergency = Enumerable.Range(30_000, EmergencyServices).Select(i => new BenchmarkSigner(i)).ToArray();
        var sites = Enumerable.Range(40_000, Sites).Select(i => new BenchmarkSigner(i)).ToArray();
        var wrapped = Convert.ToBase64String(RandomNumberGenerator.GetBytes(384));
        var recordSig = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

        var pending = new List<LedgerEntry>();
        var prev = LedgerEntry.GenesisPrev;
        var time = DateTimeOffset.UtcNow.AddDays(-1);
        var written = 0;

        LedgerEntry Add(IEntrySigner signer, ILedgerBody body)
        {
            time = time.AddMilliseconds(100);
            var entry = LedgerEntryFactory.Create(signer, prev, LedgerEntry.TruncateTime(time), body);
            prev = entry.Hash;
            pending.Add(entry);
            written++;
            if (pending.Count == 5_000)
            {
                ledger.AppendRangeAsync(pending).GetAwaiter().GetResult();
                pending.Clear();
            }

            return entry;
        }

        foreach (var (group, role, label) in new[]
        {
            (patients, ParticipantRole.Patient, (string?)null),
            (practitioners, ParticipantRole.Practitioner, null),
            (labs, ParticipantRole.Lab, "Lab"),
            (emergency, ParticipantRole.Emergency, "Ambulance"),
            (sites, ParticipantRole.Site, "Kiosk"),
        })
        {
            foreach (var signer in group)
            {
                Add(signer, new IdentityDeclaration(signer.Address, role, spki, label));
            }
        }

        while (written < total)
        {
            var patient = patients[rng.Next(patients.Length)];
            var author = rng.Next(4) == 0 ? labs[rng.Next(labs.Length)] : practitioners[rng.Next(practitioners.Length)];
            var isEmergency = rng.Next(10) == 0;
            var keys = new SortedDictionary<string, string>(StringComparer.Ordinal) { [patient.Address] = wrapped, [author.Address] = wrapped };
            var service = emergency[rng.Next(emergency.Length)];
            if (isEmergency)
            {
                keys[service.Address] = wrapped;
            }

            var cid = "bafkrei" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var medBlock = Add(author, new MedBlockDeclaration(cid, patient.Address, "application/fhir+json", isEmergency, keys, LedgerEncoding.Sha256Hex(RandomNumberGenerator.GetBytes(32)), recordSig));
            var grantee = practitioners[rng.Next(practitioners.Length)];
            if (written < total && rng.Next(2) == 0 && !keys.ContainsKey(grantee.Address))
            {
                Add(patient, new KeyGrant(medBlock.Hash, grantee.Address, wrapped));
            }

            if (written < total && rng.Next(20) == 0)
            {
                Add(patient, new Refusal(medBlock.Hash));
            }
            else if (written < total && isEmergency && rng.Next(5) == 0)
            {
                Add(service, new EmergencyAccess(medBlock.Hash, patient.Address, "unconscious on arrival"));
            }
        }

        if (pending.Count > 0)
        {
            ledger.AppendRangeAsync(pending).GetAwaiter().GetResult();
        }
    }

    private static byte[] RsaKey()
    {
        using var rsa = RSA.Create(3072);
        return rsa.ExportSubjectPublicKeyInfo();
    }

    /// <summary>An Ed25519 signer whose key is derived from an index, so every run builds the same participants.</summary>
    internal sealed class BenchmarkSigner : IEntrySigner
    {
        private readonly Ed25519PrivateKeyParameters key;

        public BenchmarkSigner(int index)
        {
            key = new Ed25519PrivateKeyParameters(SHA256.HashData(BitConverter.GetBytes(index)));
            Address = Ed25519Address.FromPublicKey(key.GeneratePublicKey().GetEncoded());
        }

        public string Address { get; }

        public byte[] Sign(ReadOnlySpan<byte> message)
        {
            var signature = new byte[Ed25519.SignatureSize];
            key.Sign(Ed25519.Algorithm.Ed25519, null, message, signature);
            return signature;
        }
    }
}
