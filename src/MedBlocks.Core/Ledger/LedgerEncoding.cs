using System.Security.Cryptography;

namespace MedBlocks.Core.Ledger;

/// <summary>The strict text encodings used inside ledger entries: lowercase hex SHA-256 and canonical base64.</summary>
public static class LedgerEncoding
{
    public const int Sha256HexLength = 64;

    /// <summary>Lowercase hex of SHA-256 over <paramref name="data"/>.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Whether the text is 64 lowercase hex digits (one SHA-256 digest).</summary>
    public static bool IsSha256Hex(string? text)
    {
        if (text is null || text.Length != Sha256HexLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Decodes standard base64 only in its canonical form: no whitespace, correct padding, zero pad bits,
    /// so that one value has exactly one spelling on the signed ledger.
    /// </summary>
    public static bool TryDecodeBase64(string? text, out byte[] data)
    {
        data = [];
        if (string.IsNullOrEmpty(text) || text.Length % 4 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '='))
            {
                return false;
            }
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return false;
        }

        if (Convert.ToBase64String(decoded) != text)
        {
            return false;
        }

        data = decoded;
        return true;
    }
}
