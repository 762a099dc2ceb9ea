using System.Security.Cryptography;

namespace MedBlocks.Ledger.Tests;

/// <summary>RSA public keys for identity declarations, generated once per test run.</summary>
public static class TestRsaKeys
{
    private static readonly Lazy<string> First = new(() => Generate());
    private static readonly Lazy<string> Second = new(() => Generate());

    public static string Rsa => First.Value;

    public static string OtherRsa => Second.Value;

    public static string Wrapped(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 256).ToArray());

    public static string RecordSig(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 64).ToArray());

    private static string Generate()
    {
        using var rsa = RSA.Create(2048);
        return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }
}
