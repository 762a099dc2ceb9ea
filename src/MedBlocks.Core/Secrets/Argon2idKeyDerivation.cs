using System.Security.Cryptography;
using BcArgon2Parameters = Org.BouncyCastle.Crypto.Parameters.Argon2Parameters;
using Argon2BytesGenerator = Org.BouncyCastle.Crypto.Generators.Argon2BytesGenerator;

namespace MedBlocks.Core.Secrets;

/// <summary>Argon2id (version 0x13) of a passphrase, through BouncyCastle.</summary>
internal static class Argon2idKeyDerivation
{
    /// <summary>Derives <paramref name="output"/>.Length bytes; the caller zeroes the output.</summary>
    public static void Derive(ReadOnlySpan<char> passphrase, ReadOnlySpan<byte> salt, Argon2Parameters parameters, byte[] output)
    {
        parameters.EnsureWithinLimits();
        var password = GC.AllocateArray<byte>(System.Text.Encoding.UTF8.GetByteCount(passphrase), pinned: true);
        try
        {
            System.Text.Encoding.UTF8.GetBytes(passphrase, password);
            var bcParameters = new BcArgon2Parameters.Builder(BcArgon2Parameters.Argon2id)
                .WithVersion(BcArgon2Parameters.Version13)
                .WithMemoryAsKB(parameters.MemoryKiB)
                .WithIterations(parameters.Iterations)
                .WithParallelism(parameters.Lanes)
                .WithSalt(salt.ToArray())
                .Build();
            var generator = new Argon2BytesGenerator();
            generator.Init(bcParameters);
            generator.GenerateBytes(password, output);
            bcParameters.Clear();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }
}
