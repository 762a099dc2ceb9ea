using MedBlocks.Simulator.Card;

namespace MedBlocks.Pcsc.Tests.TestDoubles;

/// <summary>
/// A minimal ISO 14443-4 card: answers the Part 3 GET UID pseudo-APDU, SELECT by name, and an echo
/// command (INS EE) that returns its data, so tests can check exact bytes end to end.
/// </summary>
internal sealed class FixedTestCard(byte[] uid) : IContactlessCard
{
    private static readonly byte[] DesfireAtr = [0x3B, 0x81, 0x80, 0x01, 0x80, 0x80];
    private int powerOns;

    public ReadOnlyMemory<byte> Atr => DesfireAtr;

    public bool IsPowered { get; private set; }

    public int PowerOns => Volatile.Read(ref powerOns);

    public int ApduCount { get; private set; }

    public void PowerOn()
    {
        IsPowered = true;
        Interlocked.Increment(ref powerOns);
    }

    public void PowerOff() => IsPowered = false;

    public void Reset()
    {
        PowerOff();
        PowerOn();
    }

    public byte[] Process(ReadOnlySpan<byte> commandApdu)
    {
        ApduCount++;
        if (commandApdu.Length < 4)
        {
            return [0x67, 0x00];
        }

        return (commandApdu[0], commandApdu[1]) switch
        {
            (0xFF, 0xCA) when commandApdu[2] == 0x00 => [.. uid, 0x90, 0x00],
            (0xFF, 0xCA) => [0x6A, 0x81],
            (0x00, 0xA4) => [0x90, 0x00],
            (0x00, 0xEE) when commandApdu.Length > 5 && commandApdu.Length >= 5 + commandApdu[4] => [.. commandApdu.Slice(5, commandApdu[4]), 0x90, 0x00],
            (0x00, 0xEE) => [0x90, 0x00],
            _ => [0x6D, 0x00],
        };
    }
}
