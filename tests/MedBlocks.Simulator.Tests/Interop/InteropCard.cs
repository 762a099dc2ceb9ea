using MedBlocks.Simulator.Card;
using DesfireCardState = MedBlocks.Simulator.Desfire.DesfireCardState;
using DesfireStorageSize = MedBlocks.Simulator.Desfire.DesfireStorageSize;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using HostKey = MedBlocks.SmartCards.Desfire.Crypto.DesfireKey;

namespace MedBlocks.Simulator.Tests.Interop;

/// <summary>
/// A blank simulated card driven by the host <see cref="DesfireSession"/> in process, with the
/// personalisation every interop test starts from: PICC master key AES, application 0x4D4201 with
/// five AES keys.
/// </summary>
internal sealed class InteropCard : IDisposable
{
    public static readonly DesfireAid Application = new(0x4D4201);

    public InteropCard(DesfireStorageSize size = DesfireStorageSize.FourKilobytes)
        : this(CardImage.NewBlank(size))
    {
    }

    public InteropCard(DesfireCardState state)
    {
        Card = new SimulatedDesfireCard(state);
        Transport = new SimulatedCardTransport(Card);
        Session = new DesfireSession(Transport);
    }

    public SimulatedDesfireCard Card { get; }

    public SimulatedCardTransport Transport { get; }

    public DesfireSession Session { get; private set; }

    public static HostKey PiccKey() => HostKey.Aes(Filled(0xA0), version: 1);

    /// <summary>Application key <paramref name="number"/> after personalisation: 16 bytes of (0xB0 + number).</summary>
    public static HostKey AppKey(int number) => HostKey.Aes(Filled((byte)(0xB0 + number)), version: (byte)(0x10 + number));

    public static HostKey AppFactoryKey() => HostKey.Aes(new byte[16]);

    public static byte[] Filled(byte value)
    {
        var bytes = new byte[16];
        Array.Fill(bytes, value);
        return bytes;
    }

    public static byte[] Pattern(int length, int seed = 0)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 7) + seed + (i >> 8));
        }

        return bytes;
    }

    /// <summary>Factory DES key → AES PICC key, application with five AES keys, all keys changed from zero.</summary>
    public async Task PersonaliseAsync()
    {
        using (var factory = HostKey.FactoryDefault())
        {
            await Session.AuthenticateAsync(0, factory);
        }

        using (var picc = PiccKey())
        {
            await Session.ChangeKeyAsync(0, picc);
            await Session.AuthenticateAsync(0, picc);
        }

        await Session.CreateApplicationAsync(Application, 0x0F, 5, DesfireKeyType.Aes);
        await Session.SelectApplicationAsync(Application);
        using (var zero = AppFactoryKey())
        {
            await Session.AuthenticateAsync(0, zero);
            for (byte key = 1; key < 5; key++)
            {
                using var next = AppKey(key);
                await Session.ChangeKeyAsync(key, next, zero);
            }

            using var master = AppKey(0);
            await Session.ChangeKeyAsync(0, master);
        }
    }

    /// <summary>Selects the application and authenticates with its key <paramref name="keyNumber"/>.</summary>
    public async Task OpenApplicationAsync(byte keyNumber = 0)
    {
        await Session.SelectApplicationAsync(Application);
        using var key = AppKey(keyNumber);
        await Session.AuthenticateAsync(keyNumber, key);
    }

    /// <summary>A new tap: power back on and a fresh host session.</summary>
    public void Retap()
    {
        Session.Dispose();
        Card.Faults.Clear();
        Transport.Reconnect();
        Session = new DesfireSession(Transport);
    }

    public void Dispose() => Session.Dispose();
}
