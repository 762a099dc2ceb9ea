using System.Diagnostics;
using MedBlocks.Ledger.Ethereum;
using Nethereum.Util;

namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>
/// The committed contract build is what the source compiles to with the pinned solc, and what this assembly embeds:
/// <c>contracts/compile.mjs</c> recompiles into a temporary folder and every output is compared byte for byte.
/// </summary>
public sealed class LedgerContractBuildTests
{
    private static readonly string ContractsDirectory = FindContracts();

    [Fact]
    public async Task CommittedBuild_IsWhatThePinnedSolcCompilesFromTheSource()
    {
        var output = Directory.CreateTempSubdirectory("medblocks-contract-").FullName;
        try
        {
            var start = new ProcessStartInfo("node", ["compile.mjs", output])
            {
                WorkingDirectory = ContractsDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "solc failed: " + await error);

            var committed = Path.Combine(ContractsDirectory, "build");
            var built = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal), built);
            foreach (var name in built)
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(committed, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, name!))),
                    $"contracts/build/{name} differs from what MedBlocksLedger.sol compiles to; run contracts/compile.sh and commit build/.");
            }

            Assert.StartsWith("0.8.37+", File.ReadAllText(Path.Combine(committed, "solc-version.txt")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void EmbeddedContract_IsTheCommittedBuild()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(ContractsDirectory, "build", "MedBlocksLedger.abi.json")), LedgerContractDeployment.Abi);
        Assert.Equal(File.ReadAllText(Path.Combine(ContractsDirectory, "build", "MedBlocksLedger.bin")).Trim(), LedgerContractDeployment.Bytecode);
    }

    [Fact]
    public void EventTopics_AreTheSixEventSignatures()
    {
        string[] signatures =
        [
            "IdentityDeclared(bytes32,bytes32,bytes)", "MedBlockAdded(bytes32,bytes32,bytes)", "KeyGranted(bytes32,bytes32,bytes)",
            "MedBlockRefused(bytes32,bytes32,bytes)", "CardRevoked(bytes32,bytes32,bytes)", "EmergencyAccessed(bytes32,bytes32,bytes)",
        ];
        var expected = signatures.Select(s => "0x" + Sha3Keccack.Current.CalculateHash(s)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, LedgerContract.Instance.EventTopics.Order(StringComparer.Ordinal));
    }

    private static string FindContracts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "MedBlocks.Ledger.Ethereum", "contracts");
            if (File.Exists(Path.Combine(candidate, "MedBlocksLedger.sol")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/MedBlocks.Ledger.Ethereum/contracts not found above " + AppContext.BaseDirectory);
    }
}
