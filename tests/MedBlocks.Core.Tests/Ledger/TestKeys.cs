using System.Security.Cryptography;

namespace MedBlocks.Core.Tests.Ledger;

/// <summary>RSA public keys for identity declarations, generated once per test run.</summary>
internal static class TestKeys
{
    private static readonly Lazy<string> First = new(() => Generate(2048));
    private static readonly Lazy<string> Second = new(() => Generate(2048));

    /// <summary>Base64 SPKI of an RSA-2048 key.</summary>
    public static string Rsa => First.Value;

    /// <summary>Base64 SPKI of a different RSA-2048 key (for rotations).</summary>
    public static string OtherRsa => Second.Value;

    public static string Generate(int bits)
    {
        using var rsa = RSA.Create(bits);
        return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>A plausible wrapped key: 256 random bytes, base64 (the ledger does not unwrap).</summary>
    public static string Wrapped(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 256).ToArray());

    /// <summary>A 64-byte record signature placeholder, base64.</summary>
    public static string RecordSig(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 64).ToArray());
}
