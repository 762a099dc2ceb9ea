using System.Buffers.Binary;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>EV2 secure-messaging MAC: CMAC(MAC key, Cmd‖CmdCtr(LE)‖TI‖data), truncated to the odd-indexed bytes.</summary>
public static class Ev2Mac
{
    public const int TruncatedLength = 8;

    public static byte[] Compute(ReadOnlySpan<byte> macKey, byte command, ushort commandCounter, ReadOnlySpan<byte> transactionId, ReadOnlySpan<byte> data)
    {
        if (transactionId.Length != 4)
        {
            throw new ArgumentException("The transaction identifier is 4 bytes.", nameof(transactionId));
        }

        var input = new byte[1 + 2 + 4 + data.Length];
        input[0] = command;
        BinaryPrimitives.WriteUInt16LittleEndian(input.AsSpan(1), commandCounter);
        transactionId.CopyTo(input.AsSpan(3));
        data.CopyTo(input.AsSpan(7));
        using var cmac = new DesfireCmac(DesfireKeyType.Aes, macKey);
        return Truncate(cmac.Compute(input));
    }

    /// <summary>Keeps bytes 1, 3, …, 15 of a 16-byte CMAC.</summary>
    public static byte[] Truncate(ReadOnlySpan<byte> fullMac)
    {
        if (fullMac.Length != 16)
        {
            throw new ArgumentException("An EV2 CMAC is 16 bytes.", nameof(fullMac));
        }

        var truncated = new byte[TruncatedLength];
        for (var i = 0; i < TruncatedLength; i++)
        {
            truncated[i] = fullMac[(2 * i) + 1];
        }

        return truncated;
    }
}
