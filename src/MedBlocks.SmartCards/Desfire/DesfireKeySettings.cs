using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Desfire;

/// <summary>GetKeySettings answer: the settings byte, the number of keys and their type.</summary>
public readonly record struct DesfireKeySettings(byte Settings, int KeyCount, DesfireKeyType KeyType)
{
    /// <summary>Parses <c>settings maxKeys</c>; maxKeys |80 means AES, |40 3K3DES, otherwise (2K3)DES.</summary>
    public static DesfireKeySettings Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != 2)
        {
            throw new DesfireProtocolException($"GetKeySettings returns 2 bytes; got {data.Length}.");
        }

        var type = (data[1] & 0xC0) switch
        {
            0x80 => DesfireKeyType.Aes,
            0x40 => DesfireKeyType.ThreeKey3Des,
            _ => DesfireKeyType.TwoKey3Des,
        };
        return new DesfireKeySettings(data[0], data[1] & 0x0F, type);
    }
}
