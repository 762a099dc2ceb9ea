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
        if (!IsCanonicalBase64(text, out _))
        {
            return false;
        }

        data = Convert.FromBase64String(text!);
        return true;
    }

    /// <summary>Whether the text is canonical base64 (as <see cref="TryDecodeBase64"/> accepts), without decoding it.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="decodedLength">The number of bytes the text encodes; 0 when it is not canonical.</param>
    public static bool IsCanonicalBase64(string? text, out int decodedLength)
    {
        decodedLength = 0;
        if (string.IsNullOrEmpty(text) || text.Length % 4 != 0)
        {
            return false;
        }

        // Only the last two characters may be padding, "x=" or "==", and the bits the padding leaves over are zero.
        var last = text.Length - 1;
        int padding;
        if (text[last] != '=')
        {
            padding = 0;
        }
        else if (text[last - 1] != '=')
        {
            padding = 1;
        }
        else
        {
            padding = 2;
        }

        var data = text.AsSpan(0, text.Length - padding);
        if (data.IsEmpty || data.ContainsAnyExcept(LedgerCharsets.Base64))
        {
            return false;
        }

        var unusedBits = padding switch
        {
            1 => Base64Value(data[^1]) & 0b11,
            2 => Base64Value(data[^1]) & 0b1111,
            _ => 0,
        };
        if (unusedBits != 0)
        {
            return false;
        }

        decodedLength = text.Length / 4 * 3 - padding;
        return true;
    }

    private static int Base64Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        _ => 63,
    };
}
