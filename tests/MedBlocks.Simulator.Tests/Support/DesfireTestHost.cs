using MedBlocks.Simulator.Card;

namespace MedBlocks.Simulator.Tests.Support;

/// <summary>
/// A minimal DESFire reader for tests: ISO wrapping, frame chaining, the three authentications and
/// EV1/legacy secure messaging, built on <see cref="HostCrypto"/> and independent of the simulator.
/// </summary>
internal sealed class DesfireTestHost(IContactlessCard card)
{
    private HostCrypto? _crypto;
    private byte[] _iv = [];
    private bool _legacy;

    public IContactlessCard Card => card;

    public int ApdusSent { get; private set; }

    public byte[]? SessionKey { get; private set; }

    public bool HasSession => _crypto is not null;

    public int MaxCommandFrame { get; set; } = 54;

    public static byte[] Wrap(byte cmd, byte[] data) =>
        data.Length == 0 ? [0x90, cmd, 0x00, 0x00, 0x00] : [0x90, cmd, 0x00, 0x00, (byte)data.Length, .. data, 0x00];

    public byte[] Transmit(byte[] apdu)
    {
        ApdusSent++;
        return card.Process(apdu);
    }

    /// <summary>One wrapped frame; returns status and data.</summary>
    public (byte Status, byte[] Data) Frame(byte cmd, byte[] data)
    {
        var response = Transmit(Wrap(cmd, data));
        if (response.Length < 2 || response[^2] != 0x91)
        {
            throw new InvalidOperationException("Not a wrapped DESFire answer: " + Hex.Of(response));
        }

        var status = response[^1];
        if (status is not (0x00 or 0xAF))
        {
            EndSession();
        }

        return (status, response[..^2]);
    }

    /// <summary>A whole native exchange: the command split into frames, the response frames collected.</summary>
    public (byte Status, byte[] Data) Exchange(byte cmd, byte[] data)
    {
        var offset = Math.Min(data.Length, MaxCommandFrame);
        var (status, received) = Frame(cmd, data[..offset]);
        while (offset < data.Length && status == 0xAF && received.Length == 0)
        {
            var next = Math.Min(data.Length, offset + MaxCommandFrame);
            (status, received) = Frame(0xAF, data[offset..next]);
            offset = next;
        }

        var all = new List<byte>(received);
        while (status == 0xAF)
        {
            (status, received) = Frame(0xAF, []);
            all.AddRange(received);
        }

        return (status, all.ToArray());
    }

    public void EndSession()
    {
        _crypto = null;
        SessionKey = null;
    }

    public byte[] Expect(byte cmd, byte[] data)
    {
        var (status, response) = Exchange(cmd, data);
        return status == 0x00 ? response : throw new HostStatusException(status);
    }

    public void AuthenticateAes(byte keyNo, byte[] key, byte[] rndA) => Authenticate(0xAA, keyNo, key, rndA, aes: true);

    public void AuthenticateIso(byte keyNo, byte[] key, byte[] rndA) => Authenticate(0x1A, keyNo, key, rndA, aes: false);

    public void AuthenticateLegacy(byte keyNo, byte[] key, byte[] rndA) => Authenticate(0x0A, keyNo, key, rndA, aes: false);

    private void Authenticate(byte cmd, byte keyNo, byte[] key, byte[] rndA, bool aes)
    {
        EndSession();
        var crypto = new HostCrypto(key, aes);
        var (status, challenge) = Frame(cmd, [keyNo]);
        if (status != 0xAF)
        {
            throw new HostStatusException(status);
        }

        var legacy = cmd == 0x0A;
        var iv = new byte[crypto.BlockSize];
        var rndB = crypto.CbcDecrypt(challenge, iv);
        byte[] plainToken = [.. rndA, .. Rotate(rndB)];
        var token = legacy ? crypto.LegacySend(plainToken) : crypto.CbcEncrypt(plainToken, iv);
        (status, var answer) = Frame(0xAF, token);
        if (status != 0x00)
        {
            throw new HostStatusException(status);
        }

        var rndAPrime = crypto.CbcDecrypt(answer, legacy ? new byte[crypto.BlockSize] : iv);
        if (!rndAPrime.SequenceEqual(Rotate(rndA)))
        {
            throw new InvalidOperationException("The card's RndA' does not match.");
        }

        byte[] sk = key.Length switch
        {
            24 => [.. rndA[..4], .. rndB[..4], .. rndA[6..10], .. rndB[6..10], .. rndA[12..16], .. rndB[12..16]],
            _ when aes => [.. rndA[..4], .. rndB[..4], .. rndA[12..16], .. rndB[12..16]],
            _ when key.AsSpan(0, 8).SequenceEqual(key.AsSpan(8, 8)) => [.. rndA[..4], .. rndB[..4], .. rndA[..4], .. rndB[..4]],
            _ => [.. rndA[..4], .. rndB[..4], .. rndA[4..8], .. rndB[4..8]],
        };
        SessionKey = sk;
        _crypto = new HostCrypto(sk, aes);
        _iv = new byte[_crypto.BlockSize];
        _legacy = legacy;
    }

    /// <summary>A command with plain parameters whose answer is plain (EV1: CMAC checked).</summary>
    public byte[] Plain(byte cmd, params byte[] parameters)
    {
        byte[] command = [cmd, .. parameters];
        if (_crypto is not null && !_legacy)
        {
            _crypto.Cmac(command, _iv);
        }

        var response = Expect(cmd, parameters);
        return CheckPlainResponse(response);
    }

    /// <summary>A read whose answer is MACed (legacy 4-byte MAC; EV1 as plain).</summary>
    public byte[] ReadMaced(byte cmd, params byte[] parameters)
    {
        if (!_legacy)
        {
            return Plain(cmd, parameters);
        }

        var response = Expect(cmd, parameters);
        var data = response[..^4];
        var mac = _crypto!.CbcEncrypt(PadZero(data), new byte[_crypto.BlockSize])[^_crypto.BlockSize..][..4];
        return mac.AsSpan().SequenceEqual(response.AsSpan(response.Length - 4)) ? data : throw new InvalidOperationException("Legacy MAC mismatch.");
    }

    /// <summary>A read whose answer is enciphered; returns the first <paramref name="length"/> plain bytes after checking the CRC.</summary>
    public byte[] ReadEnciphered(byte cmd, byte[] parameters, int length)
    {
        byte[] command = [cmd, .. parameters];
        if (!_legacy)
        {
            _crypto!.Cmac(command, _iv);
        }

        var response = Expect(cmd, parameters);
        var plain = _crypto!.CbcDecrypt(response, _legacy ? new byte[_crypto.BlockSize] : _iv);
        var data = plain[..length];
        var crc = _legacy ? HostCrypto.Crc16Bytes(data) : HostCrypto.Crc32Bytes([.. data, 0x00]);
        return plain.AsSpan(length, crc.Length).SequenceEqual(crc) ? data : throw new InvalidOperationException("CRC mismatch.");
    }

    /// <summary>A write with the data MACed.</summary>
    public void WriteMaced(byte cmd, byte[] header, byte[] data)
    {
        byte[] mac;
        if (_legacy)
        {
            mac = _crypto!.CbcEncrypt(PadZero(data), new byte[_crypto.BlockSize])[^_crypto.BlockSize..][..4];
        }
        else
        {
            mac = _crypto!.Cmac([cmd, .. header, .. data], _iv)[..8];
        }

        CheckPlainResponse(Expect(cmd, [.. header, .. data, .. mac]));
    }

    /// <summary>A write whose data part is enciphered with CRC (EV1: over CMD‖header‖data).</summary>
    public void WriteEnciphered(byte cmd, byte[] header, byte[] data)
    {
        CheckPlainResponse(Expect(cmd, [.. header, .. EncipherCommandData(cmd, header, data)]));
    }

    public byte[] EncipherCommandData(byte cmd, byte[] header, byte[] data)
    {
        if (_legacy)
        {
            return _crypto!.LegacySend(PadZero([.. data, .. HostCrypto.Crc16Bytes(data)]));
        }

        var crc = HostCrypto.Crc32Bytes([cmd, .. header, .. data]);
        return _crypto!.CbcEncrypt(PadZero([.. data, .. crc]), _iv);
    }

    /// <summary>ChangeKey: <paramref name="oldKey"/> null for the authenticated key itself.</summary>
    public void ChangeKey(byte keyNo, byte[] newKey, byte? aesVersion, byte[]? oldKey)
    {
        var body = oldKey is null ? newKey : HostCrypto.Xor(newKey, oldKey);
        if (aesVersion is { } version)
        {
            body = [.. body, version];
        }

        byte[] plain;
        if (_legacy)
        {
            plain = [.. body, .. HostCrypto.Crc16Bytes(body)];
            if (oldKey is not null)
            {
                plain = [.. plain, .. HostCrypto.Crc16Bytes(newKey)];
            }
        }
        else
        {
            plain = [.. body, .. HostCrypto.Crc32Bytes([0xC4, keyNo, .. body])];
            if (oldKey is not null)
            {
                plain = [.. plain, .. HostCrypto.Crc32Bytes(newKey)];
            }
        }

        var cryptogram = _legacy ? _crypto!.LegacySend(PadZero(plain)) : _crypto!.CbcEncrypt(PadZero(plain), _iv);
        var response = Expect(0xC4, [keyNo, .. cryptogram]);
        if (oldKey is null)
        {
            if (response.Length != 0)
            {
                throw new InvalidOperationException("Same-key ChangeKey must answer a bare 91 00.");
            }

            EndSession();
        }
        else
        {
            CheckPlainResponse(response);
        }
    }

    public byte[] PadZero(byte[] data)
    {
        var bs = _crypto!.BlockSize;
        var length = Math.Max(bs, (data.Length + bs - 1) / bs * bs);
        var padded = new byte[length];
        data.CopyTo(padded, 0);
        return padded;
    }

    private byte[] CheckPlainResponse(byte[] response)
    {
        if (_crypto is null || _legacy)
        {
            return response;
        }

        var data = response[..^8];
        var mac = _crypto.Cmac([.. data, 0x00], _iv);
        return mac.AsSpan(0, 8).SequenceEqual(response.AsSpan(response.Length - 8)) ? data : throw new InvalidOperationException("Response CMAC mismatch.");
    }

    private static byte[] Rotate(byte[] value) => [.. value[1..], value[0]];
}
