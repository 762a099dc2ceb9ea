using System.Security.Cryptography;
using MedBlocks.Simulator.Desfire.Crypto;

namespace MedBlocks.Simulator.Desfire;

/// <summary>
/// The card's half of an authenticated session: the session key, the running IV (EV1) and the
/// secure-messaging rules applied to commands and responses.
/// </summary>
internal sealed class DesfireCardSession
{
    private readonly byte[] _sessionKey;
    private readonly DesfireBlockCipher _cipher;
    private readonly DesfireCmac _cmac;
    private readonly byte[] _iv;

    public DesfireCardSession(int keyNumber, DesfireAuthScheme scheme, DesfireKeyType cipherType, byte[] sessionKey)
    {
        KeyNumber = keyNumber;
        Scheme = scheme;
        _sessionKey = sessionKey;
        _cipher = DesfireBlockCipher.Create(cipherType, sessionKey);
        _cmac = new DesfireCmac(_cipher);
        _iv = new byte[_cipher.BlockSize];
    }

    public int KeyNumber { get; }

    public DesfireAuthScheme Scheme { get; }

    public bool IsLegacy => Scheme == DesfireAuthScheme.Legacy;

    public int BlockSize => _cipher.BlockSize;

    /// <summary>The length of the MAC a MACed write carries.</summary>
    public int MacLength => IsLegacy ? 4 : 8;

    /// <summary>EV1: every command after authentication runs through the CMAC to advance the IV.</summary>
    public void AcceptPlainCommand(ReadOnlySpan<byte> command)
    {
        if (!IsLegacy)
        {
            _cmac.Compute(command, _iv);
        }
    }

    /// <summary>Checks the MAC appended to a MACed write (EV1: over CMD‖header‖data; legacy: over data).</summary>
    public bool VerifyCommandMac(ReadOnlySpan<byte> command, int headerLength, ReadOnlySpan<byte> mac)
    {
        Span<byte> expected = stackalloc byte[8];
        if (IsLegacy)
        {
            LegacyMac(command[headerLength..], expected);
            return CryptographicOperations.FixedTimeEquals(expected[..4], mac);
        }

        _cmac.Compute(command, _iv);
        _iv.AsSpan(0, 8).CopyTo(expected);
        return CryptographicOperations.FixedTimeEquals(expected, mac);
    }

    /// <summary>
    /// Deciphers the enciphered part of a command and checks its CRC (EV1: CRC32 over
    /// CMD‖header‖data; legacy: CRC16 over data) and zero padding. Returns the plain data.
    /// </summary>
    public byte[]? DecipherCommand(ReadOnlySpan<byte> commandHeader, ReadOnlySpan<byte> cryptogram, int plainLength)
    {
        var crcLength = IsLegacy ? 2 : 4;
        var expectedLength = PaddedLength(plainLength + crcLength);
        if (cryptogram.Length != expectedLength)
        {
            return null;
        }

        var buffer = cryptogram.ToArray();
        if (IsLegacy)
        {
            _cipher.LegacyReceive(buffer);
        }
        else
        {
            _cipher.CbcDecrypt(buffer, _iv);
        }

        try
        {
            var data = buffer.AsSpan(0, plainLength);
            Span<byte> crc = stackalloc byte[4];
            if (IsLegacy)
            {
                DesfireCrc16.Write(DesfireCrc16.Compute(data), crc);
            }
            else
            {
                DesfireCrc32.Write(DesfireCrc32.Update(DesfireCrc32.Compute(commandHeader), data), crc);
            }

            var ok = CryptographicOperations.FixedTimeEquals(crc[..crcLength], buffer.AsSpan(plainLength, crcLength));
            foreach (var b in buffer.AsSpan(plainLength + crcLength))
            {
                ok &= b == 0;
            }

            return ok ? data.ToArray() : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Deciphers without a CRC check (ChangeKey checks its own CRCs).</summary>
    public byte[] DecipherRaw(ReadOnlySpan<byte> cryptogram)
    {
        var buffer = cryptogram.ToArray();
        if (IsLegacy)
        {
            _cipher.LegacyReceive(buffer);
        }
        else
        {
            _cipher.CbcDecrypt(buffer, _iv);
        }

        return buffer;
    }

    /// <summary>Protects a successful (status 00) response.</summary>
    public byte[] ProtectResponse(byte[] data, DesfireResponseProtection protection)
    {
        switch (protection)
        {
            case DesfireResponseProtection.Bare:
                return data;
            case DesfireResponseProtection.Enciphered:
                return Encipher(data);
            case DesfireResponseProtection.Maced when IsLegacy:
                var result = new byte[data.Length + 4];
                data.CopyTo(result, 0);
                Span<byte> mac = stackalloc byte[8];
                LegacyMac(data, mac);
                mac[..4].CopyTo(result.AsSpan(data.Length));
                return result;
            case DesfireResponseProtection.Plain when IsLegacy:
                return data;
            default:
                var withStatus = new byte[data.Length + 1];
                data.CopyTo(withStatus, 0);
                _cmac.Compute(withStatus, _iv);
                var maced = new byte[data.Length + 8];
                data.CopyTo(maced, 0);
                _iv.AsSpan(0, 8).CopyTo(maced.AsSpan(data.Length));
                return maced;
        }
    }

    public int PaddedLength(int length) => (length + BlockSize - 1) / BlockSize * BlockSize;

    /// <summary>Zeroes the session key and IV when the session ends.</summary>
    public void Wipe()
    {
        CryptographicOperations.ZeroMemory(_sessionKey);
        CryptographicOperations.ZeroMemory(_iv);
    }

    private byte[] Encipher(byte[] data)
    {
        var crcLength = IsLegacy ? 2 : 4;
        var buffer = new byte[PaddedLength(data.Length + crcLength)];
        data.CopyTo(buffer, 0);
        if (IsLegacy)
        {
            DesfireCrc16.Write(DesfireCrc16.Compute(data), buffer.AsSpan(data.Length));
            var zeroIv = new byte[BlockSize];
            _cipher.CbcEncrypt(buffer, zeroIv);
        }
        else
        {
            var crc = DesfireCrc32.Update(DesfireCrc32.Compute(data), [0x00]);
            DesfireCrc32.Write(crc, buffer.AsSpan(data.Length));
            _cipher.CbcEncrypt(buffer, _iv);
        }

        return buffer;
    }

    // Legacy MAC: DES/3DES CBC encryption with zero IV over zero-padded data, first 4 bytes of the last block.
    private void LegacyMac(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        var buffer = new byte[Math.Max(BlockSize, PaddedLength(data.Length))];
        data.CopyTo(buffer);
        var chain = new byte[BlockSize];
        _cipher.CbcEncrypt(buffer, chain);
        chain.AsSpan(0, Math.Min(mac.Length, chain.Length)).CopyTo(mac);
    }
}
