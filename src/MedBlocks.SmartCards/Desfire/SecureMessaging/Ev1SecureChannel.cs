using System.Buffers.Binary;
using System.Security.Cryptography;
using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Desfire.SecureMessaging;

/// <summary>
/// EV1 secure messaging after AuthenticateISO/AES: one session key and one running IV, advanced by
/// every CMAC and every CBC operation in both directions. Each step is a separate method so each
/// can be checked on its own against recorded exchanges.
/// </summary>
public sealed class Ev1SecureChannel : IDisposable
{
    /// <summary>EV1 sends the first 8 bytes of the CMAC.</summary>
    public const int MacLength = 8;

    private readonly DesfireCipher _cipher;
    private readonly DesfireCmac _cmac;
    private readonly byte[] _iv;

    public Ev1SecureChannel(DesfireKeyType sessionKeyType, ReadOnlySpan<byte> sessionKey)
    {
        _cipher = new DesfireCipher(sessionKeyType, sessionKey);
        _cmac = new DesfireCmac(_cipher, ownsCipher: false);
        _iv = new byte[_cipher.BlockSize];
        SessionKeyType = sessionKeyType;
    }

    public DesfireKeyType SessionKeyType { get; }

    public int BlockSize => _cipher.BlockSize;

    /// <summary>The running IV (a copy).</summary>
    public byte[] CurrentIv => (byte[])_iv.Clone();

    /// <summary>
    /// CMAC over <c>CMD‖params</c>. Done for every command, plain ones included, because it moves the
    /// IV the card's answer is MACed or enciphered with. Returns the 8 bytes a MACed write appends.
    /// </summary>
    public byte[] MacCommand(byte command, ReadOnlySpan<byte> parameters)
    {
        var message = new byte[1 + parameters.Length];
        message[0] = command;
        parameters.CopyTo(message.AsSpan(1));
        Span<byte> mac = stackalloc byte[BlockSize];
        _cmac.Compute(message, _iv, mac);
        return mac[..MacLength].ToArray();
    }

    /// <summary>
    /// Enciphers a command's data: E(data‖CRC32(CMD‖header‖data)‖pad). The header itself stays plain.
    /// Padding is zeros, or 0x80 then zeros when <paramref name="padByte"/> is 0x80 (SetConfiguration ATS).
    /// </summary>
    public byte[] EncipherCommandData(byte command, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data, byte padByte = 0x00)
    {
        var crc = DesfireCrc32.Update(DesfireCrc32.Update(DesfireCrc32.Update(0xFFFFFFFF, [command]), header), data);
        var plain = new byte[data.Length + DesfireCrc32.Size];
        data.CopyTo(plain);
        BinaryPrimitives.WriteUInt32LittleEndian(plain.AsSpan(data.Length), crc);
        var cipher = EncipherPadded(plain, padByte);
        CryptographicOperations.ZeroMemory(plain);
        return cipher;
    }

    /// <summary>Pads (zeros, or 0x80 then zeros) to whole blocks and CBC-encrypts with the running IV.</summary>
    public byte[] EncipherPadded(ReadOnlySpan<byte> plaintext, byte padByte = 0x00)
    {
        var padded = padByte == 0x00
            ? RoundUp(plaintext.Length)
            : RoundUp(plaintext.Length + 1);
        var buffer = new byte[padded];
        plaintext.CopyTo(buffer);
        if (padByte != 0x00)
        {
            buffer[plaintext.Length] = padByte;
        }

        _cipher.EncryptCbc(buffer, _iv, buffer);
        return buffer;
    }

    /// <summary>
    /// Checks <c>data‖CMAC8</c> of a plain or MACed answer, the CMAC being over <c>data‖status</c>; returns the data.
    /// </summary>
    public ReadOnlyMemory<byte> VerifyResponseMac(ReadOnlyMemory<byte> dataAndMac, DesfireStatus status = DesfireStatus.Ok)
    {
        if (dataAndMac.Length < MacLength)
        {
            throw new DesfireIntegrityException($"The answer of {dataAndMac.Length} bytes is too short to carry its {MacLength}-byte CMAC.");
        }

        var dataLength = dataAndMac.Length - MacLength;
        var mac = MacResponse(dataAndMac.Span[..dataLength], status);
        if (!CryptographicOperations.FixedTimeEquals(mac, dataAndMac.Span[dataLength..]))
        {
            throw new DesfireIntegrityException("The CMAC of the card's answer does not verify.");
        }

        return dataAndMac[..dataLength];
    }

    /// <summary>
    /// CMAC8 over <c>data‖status</c>, advancing the IV: what the card appends to a plain or MACed answer.
    /// </summary>
    public byte[] MacResponse(ReadOnlySpan<byte> data, DesfireStatus status = DesfireStatus.Ok)
    {
        var message = new byte[data.Length + 1];
        data.CopyTo(message);
        message[^1] = (byte)status;
        Span<byte> mac = stackalloc byte[BlockSize];
        _cmac.Compute(message, _iv, mac);
        return mac[..MacLength].ToArray();
    }

    /// <summary>
    /// Deciphers <c>E(data‖CRC32(data‖status)‖0-pad)</c> with the running IV (the command's CMAC) and
    /// checks the CRC, at <paramref name="expectedLength"/> when known, otherwise by scanning the last block.
    /// </summary>
    public byte[] DecipherResponse(ReadOnlySpan<byte> ciphertext, int? expectedLength, DesfireStatus status = DesfireStatus.Ok)
    {
        if (ciphertext.IsEmpty || ciphertext.Length % BlockSize != 0)
        {
            throw new DesfireIntegrityException($"An enciphered answer must be whole {BlockSize}-byte blocks; got {ciphertext.Length} bytes.");
        }

        var plain = new byte[ciphertext.Length];
        _cipher.DecryptCbc(ciphertext, _iv, plain);
        var length = expectedLength is { } known
            ? (IsCrcAt(plain, known, status) ? known : -1)
            : ScanForCrc(plain, status);
        if (length < 0)
        {
            CryptographicOperations.ZeroMemory(plain);
            throw new DesfireIntegrityException("The CRC32 of the card's enciphered answer does not verify.");
        }

        var data = plain[..length];
        CryptographicOperations.ZeroMemory(plain);
        return data;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_iv);
        _cmac.Dispose();
        _cipher.Dispose();
    }

    private int ScanForCrc(ReadOnlySpan<byte> plain, DesfireStatus status)
    {
        // Data that ends in zero bytes can leave more than one place where a CRC verifies; taking
        // either would return the wrong length without any error, so an ambiguous answer is refused.
        var longest = plain.Length - DesfireCrc32.Size;
        var shortest = Math.Max(0, longest - (BlockSize - 1));
        var found = -1;
        for (var length = longest; length >= shortest; length--)
        {
            if (IsCrcAt(plain, length, status))
            {
                if (found >= 0)
                {
                    throw new DesfireIntegrityException(
                        "The enciphered answer's length is ambiguous (its data ends in zero bytes); read it with an explicit length.");
                }

                found = length;
            }
        }

        return found;
    }

    private bool IsCrcAt(ReadOnlySpan<byte> plain, int length, DesfireStatus status)
    {
        var end = length + DesfireCrc32.Size;
        if (length < 0 || end > plain.Length || plain.Length - end >= BlockSize || plain[end..].ContainsAnyExcept((byte)0))
        {
            return false;
        }

        var crc = DesfireCrc32.Update(DesfireCrc32.Update(0xFFFFFFFF, plain[..length]), [(byte)status]);
        return BinaryPrimitives.ReadUInt32LittleEndian(plain[length..end]) == crc;
    }

    private int RoundUp(int length) => (length + BlockSize - 1) / BlockSize * BlockSize;
}
