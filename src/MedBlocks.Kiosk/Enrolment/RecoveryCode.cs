using System.Security.Cryptography;
using System.Text;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// The passphrase of a patient's backup key file: 20 characters of an unambiguous alphabet (100 bits),
/// shown once to the patient in groups of four ("K7QD-…") and never stored. Typed back at re-issue,
/// with or without dashes and spaces, in either case.
/// </summary>
public static class RecoveryCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 20;

    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        var text = new StringBuilder(Length + (Length / 4));
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append('-');
            }

            // 256 is a multiple of 32: no bias.
            text.Append(Alphabet[random[i] % Alphabet.Length]);
        }

        CryptographicOperations.ZeroMemory(random);
        return text.ToString();
    }

    /// <summary>The canonical form (upper case, grouped), or null when the text cannot be a recovery code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var characters = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            characters.Append(upper);
        }

        if (characters.Length != Length)
        {
            return null;
        }

        for (var i = Length - 4; i > 0; i -= 4)
        {
            characters.Insert(i, '-');
        }

        return characters.ToString();
    }
}
