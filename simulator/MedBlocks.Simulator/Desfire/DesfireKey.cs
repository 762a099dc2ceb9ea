namespace MedBlocks.Simulator.Desfire;

/// <summary>
/// A key stored on the card. DES and 2K3DES keys are 16 bytes and carry their version in the parity
/// bits (as a real card reports it); 3K3DES keys are 24 bytes; AES keys 16 bytes plus a version byte.
/// </summary>
public sealed class DesfireKey
{
    private readonly byte[] _value;
    private readonly byte _aesVersion;

    public DesfireKey(DesfireKeyType type, ReadOnlySpan<byte> value, byte aesVersion = 0)
    {
        if (value.Length != LengthOf(type))
        {
            throw new ArgumentException($"A {type} key is {LengthOf(type)} bytes.", nameof(value));
        }

        Type = type;
        _value = value.ToArray();
        _aesVersion = type == DesfireKeyType.Aes ? aesVersion : (byte)0;
    }

    public DesfireKeyType Type { get; }

    /// <summary>The key bytes (16 for DES/2K3DES/AES, 24 for 3K3DES).</summary>
    public ReadOnlySpan<byte> Value => _value;

    /// <summary>The key version: the AES version byte, or the parity bits of the first 8 DES bytes.</summary>
    public byte Version
    {
        get
        {
            if (Type == DesfireKeyType.Aes)
            {
                return _aesVersion;
            }

            var version = 0;
            for (var n = 0; n < 8; n++)
            {
                version |= (_value[n] & 1) << (7 - n);
            }

            return (byte)version;
        }
    }

    /// <summary>Whether a 2K3DES key has equal halves (parity bits ignored), i.e. is single DES.</summary>
    public bool IsSingleDes
    {
        get
        {
            if (Type != DesfireKeyType.TwoKeyTripleDes)
            {
                return false;
            }

            for (var n = 0; n < 8; n++)
            {
                if ((_value[n] & 0xFE) != (_value[n + 8] & 0xFE))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The factory key of a type: all zeros, version 0.</summary>
    public static DesfireKey Zero(DesfireKeyType type) => new(type, new byte[LengthOf(type)]);

    public static int LengthOf(DesfireKeyType type) => type == DesfireKeyType.ThreeKeyTripleDes ? 24 : 16;

    /// <summary>The type flag that GetKeySettings ORs into the key count (and ChangeKey/CreateApplication use).</summary>
    public static byte TypeFlag(DesfireKeyType type) => type switch
    {
        DesfireKeyType.Aes => 0x80,
        DesfireKeyType.ThreeKeyTripleDes => 0x40,
        _ => 0x00,
    };

    /// <summary>Raw key bytes for persisting in a card image.</summary>
    public byte[] ToArray() => (byte[])_value.Clone();
}
