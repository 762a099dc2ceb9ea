using System.Security.Cryptography;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;

namespace MedBlocks.SmartCards.Desfire;

public sealed partial class DesfireSession
{
    /// <summary>
    /// EV1 mutual authentication: AuthenticateAES (AA) for AES keys, AuthenticateISO (1A) for DES,
    /// 2K3DES and 3K3DES keys. Starts a secure channel with the derived session key and IV = 0.
    /// </summary>
    /// <exception cref="DesfireException">The card refused (e.g. AUTHENTICATION_ERROR, NO_SUCH_KEY).</exception>
    /// <exception cref="DesfireIntegrityException">The card's proof of RndA is wrong.</exception>
    public async Task AuthenticateAsync(byte keyNumber, DesfireKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckKeyNumber(keyNumber);
        EndSession();
        using var authenticationKey = key.ToIsoAuthenticationKey();
        var command = authenticationKey.Type == DesfireKeyType.Aes ? DesfireCommand.AuthenticateAes : DesfireCommand.AuthenticateIso;
        var randomLength = authenticationKey.Type == DesfireKeyType.TwoKey3Des ? 8 : 16;
        using var cipher = new DesfireCipher(authenticationKey);
        var iv = new byte[cipher.BlockSize];
        var rndA = new byte[randomLength];
        var rndB = new byte[randomLength];
        var token = new byte[2 * randomLength];
        try
        {
            var challenge = await _frames.TransceiveFrameAsync(command, new[] { keyNumber }, cancellationToken);
            ExpectAuthenticationStep(challenge, DesfireStatus.AdditionalFrame, randomLength, command);
            cipher.DecryptCbc(challenge.Data.Span, iv, rndB);

            _random.Fill(rndA);
            rndA.CopyTo(token, 0);
            RotateLeft(rndB, token.AsSpan(randomLength));
            cipher.EncryptCbc(token, iv, token);

            var proof = await _frames.TransceiveFrameAsync(DesfireCommand.AdditionalFrame, token, cancellationToken);
            ExpectAuthenticationStep(proof, DesfireStatus.Ok, randomLength, command);
            var rndAPrime = new byte[randomLength];
            cipher.DecryptCbc(proof.Data.Span, iv, rndAPrime);
            var expected = new byte[randomLength];
            RotateLeft(rndA, expected);
            var genuine = CryptographicOperations.FixedTimeEquals(rndAPrime, expected);
            CryptographicOperations.ZeroMemory(rndAPrime);
            CryptographicOperations.ZeroMemory(expected);
            if (!genuine)
            {
                throw new DesfireIntegrityException("The card's answer does not prove knowledge of the key (RndA' mismatch).");
            }

            var sessionKey = Ev1SessionKeyDeriver.Derive(authenticationKey.Type, rndA, rndB, HasEqualHalves(authenticationKey));
            _channel = new Ev1SecureChannel(authenticationKey.Type, sessionKey);
            CryptographicOperations.ZeroMemory(sessionKey);
            AuthenticatedKeyNumber = keyNumber;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rndA);
            CryptographicOperations.ZeroMemory(rndB);
            CryptographicOperations.ZeroMemory(token);
        }
    }

    private static void ExpectAuthenticationStep(DesfireFrameResponse response, DesfireStatus expectedStatus, int length, byte command)
    {
        if (response.Status != expectedStatus)
        {
            throw response.Status == DesfireStatus.Ok || response.Status == DesfireStatus.AdditionalFrame
                ? new DesfireProtocolException($"Authentication {command:X2}: unexpected status {response.Status.ToSpecName()}.")
                : new DesfireException(response.Status, command);
        }

        if (response.Data.Length != length)
        {
            throw new DesfireProtocolException($"Authentication {command:X2}: expected {length} bytes, got {response.Data.Length}.");
        }
    }

    private static void RotateLeft(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source[1..].CopyTo(destination);
        destination[source.Length - 1] = source[0];
    }

    private static bool HasEqualHalves(DesfireKey key)
    {
        if (key.Type != DesfireKeyType.TwoKey3Des)
        {
            return false;
        }

        var bytes = key.Bytes;
        for (var i = 0; i < 8; i++)
        {
            // Parity bits carry the key version, not key material.
            if ((bytes[i] & 0xFE) != (bytes[i + 8] & 0xFE))
            {
                return false;
            }
        }

        return true;
    }
}
