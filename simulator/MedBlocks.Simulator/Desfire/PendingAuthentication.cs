using MedBlocks.Simulator.Desfire.Crypto;

namespace MedBlocks.Simulator.Desfire;

/// <summary>The card's state between the two steps of an authentication.</summary>
internal sealed class PendingAuthentication(int keyNumber, DesfireAuthScheme scheme, DesfireKey key, DesfireBlockCipher cipher, byte[] rndB, byte[] iv)
{
    public int KeyNumber { get; } = keyNumber;

    public DesfireAuthScheme Scheme { get; } = scheme;

    public DesfireKey Key { get; } = key;

    public DesfireBlockCipher Cipher { get; } = cipher;

    public byte[] RndB { get; } = rndB;

    public byte[] Iv { get; } = iv;
}
