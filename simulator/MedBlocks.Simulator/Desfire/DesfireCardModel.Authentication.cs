using System.Security.Cryptography;
using MedBlocks.Simulator.Desfire.Crypto;

namespace MedBlocks.Simulator.Desfire;

public sealed partial class DesfireCardModel
{
    private DesfireCommandResult StartAuthentication(byte[] command, DesfireAuthScheme scheme)
    {
        DropSession();
        RequireLength(command, 2);
        var keyNumber = command[1];
        var key = FindKey(keyNumber) ?? throw new DesfireStatusException(DesfireStatus.NoSuchKey);
        var compatible = scheme switch
        {
            DesfireAuthScheme.Legacy => key.Type == DesfireKeyType.TwoKeyTripleDes,
            DesfireAuthScheme.Iso => key.Type != DesfireKeyType.Aes,
            _ => key.Type == DesfireKeyType.Aes,
        };
        if (!compatible)
        {
            throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        }

        var cipher = DesfireBlockCipher.Create(key.Type, key.Value);
        var rndB = new byte[key.Type == DesfireKeyType.TwoKeyTripleDes ? 8 : 16];
        _random.Fill(rndB);
        var challenge = (byte[])rndB.Clone();
        var iv = new byte[cipher.BlockSize];
        cipher.CbcEncrypt(challenge, iv);
        if (scheme == DesfireAuthScheme.Legacy)
        {
            Array.Clear(iv);
        }

        _pendingAuth = new PendingAuthentication(keyNumber, scheme, key, cipher, rndB, iv);
        return new DesfireCommandResult(challenge, DesfireResponseProtection.Bare) { Status = DesfireStatus.AdditionalFrame };
    }

    private DesfireCommandResult FinishAuthentication(PendingAuthentication pending, byte[] frame)
    {
        var n = pending.RndB.Length;
        if (frame.Length != 1 + (2 * n))
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }

        var token = frame[1..];
        if (pending.Scheme == DesfireAuthScheme.Legacy)
        {
            pending.Cipher.LegacyReceive(token);
        }
        else
        {
            pending.Cipher.CbcDecrypt(token, pending.Iv);
        }

        var rndA = token[..n];
        var expectedRndB = RotateLeft(pending.RndB);
        var matches = CryptographicOperations.FixedTimeEquals(token.AsSpan(n), expectedRndB);
        CryptographicOperations.ZeroMemory(token);
        CryptographicOperations.ZeroMemory(expectedRndB);
        if (!matches)
        {
            CryptographicOperations.ZeroMemory(rndA);
            throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        }

        var answer = RotateLeft(rndA);
        if (pending.Scheme == DesfireAuthScheme.Legacy)
        {
            pending.Cipher.CbcEncrypt(answer, new byte[pending.Cipher.BlockSize]);
        }
        else
        {
            pending.Cipher.CbcEncrypt(answer, pending.Iv);
        }

        var sessionKey = DeriveSessionKey(pending.Key, rndA, pending.RndB);
        CryptographicOperations.ZeroMemory(rndA);
        CryptographicOperations.ZeroMemory(pending.RndB);
        _session = new DesfireCardSession(pending.KeyNumber, pending.Scheme, pending.Key.Type, sessionKey);
        return new DesfireCommandResult(answer, DesfireResponseProtection.Bare);
    }

    private static byte[] DeriveSessionKey(DesfireKey key, byte[] a, byte[] b)
    {
        static IEnumerable<byte> Part(byte[] source, int start) => source.Skip(start).Take(4);

        IEnumerable<byte> parts = key.Type switch
        {
            DesfireKeyType.Aes => Part(a, 0).Concat(Part(b, 0)).Concat(Part(a, 12)).Concat(Part(b, 12)),
            DesfireKeyType.ThreeKeyTripleDes => Part(a, 0).Concat(Part(b, 0)).Concat(Part(a, 6)).Concat(Part(b, 6))
                .Concat(Part(a, 12)).Concat(Part(b, 12)),
            _ when key.IsSingleDes => Part(a, 0).Concat(Part(b, 0)).Concat(Part(a, 0)).Concat(Part(b, 0)),
            _ => Part(a, 0).Concat(Part(b, 0)).Concat(Part(a, 4)).Concat(Part(b, 4)),
        };
        return parts.ToArray();
    }

    /// <summary>The key of the selected level (PICC: key 0 only), or null when there is no such key.</summary>
    private DesfireKey? FindKey(int keyNumber)
    {
        if (_selected is null)
        {
            return keyNumber == 0 ? State.PiccKey : null;
        }

        return keyNumber < _selected.Keys.Length ? _selected.Keys[keyNumber] : null;
    }
}
