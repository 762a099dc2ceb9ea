using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Card;

/// <summary>
/// A MIFARE DESFire EV1 as a PC/SC reader presents it: ATR 3B 81 80 01 80 80, the reader's
/// pseudo-APDUs FF CA (UID, ATS) and ISO 7816-4 wrapped native commands (CLA 90) answered as
/// data‖91‖status. Bare native frames are not accepted (6E00): PC/SC readers deliver APDUs.
/// </summary>
public sealed class SimulatedDesfireCard : IContactlessCard
{
    private static readonly byte[] AtrBytes = [0x3B, 0x81, 0x80, 0x01, 0x80, 0x80];

    private readonly Lock _gate = new();
    private readonly ICardRandomSource _random;
    private byte[] _randomUid = [];
    private bool _powered;

    public SimulatedDesfireCard(DesfireCardState state, ICardRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        _random = random ?? SystemCardRandomSource.Instance;
        Model = new DesfireCardModel(state, _random);
    }

    public DesfireCardModel Model { get; }

    public DesfireCardState State => Model.State;

    public CardFaults Faults { get; } = new();

    public ReadOnlyMemory<byte> Atr => AtrBytes;

    public bool IsPowered
    {
        get
        {
            lock (_gate)
            {
                return _powered;
            }
        }
    }

    /// <summary>The UID the reader sees: the real 7-byte UID, or a fresh random 4-byte one (08 xx xx xx) per power-up.</summary>
    public ReadOnlyMemory<byte> AnticollisionUid
    {
        get
        {
            lock (_gate)
            {
                return State.RandomUid ? _randomUid : State.Uid.ToArray();
            }
        }
    }

    public void PowerOn()
    {
        lock (_gate)
        {
            Model.Reset();
            var uid = new byte[4];
            _random.Fill(uid.AsSpan(1));
            uid[0] = 0x08;
            _randomUid = uid;
            _powered = true;
        }
    }

    public void PowerOff()
    {
        lock (_gate)
        {
            _powered = false;
            Model.Reset();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            PowerOff();
            PowerOn();
        }
    }

    public byte[] Process(ReadOnlySpan<byte> commandApdu)
    {
        lock (_gate)
        {
            if (!_powered)
            {
                throw new CardPowerLostException("The card is not powered.");
            }

            if (Faults.TakePowerCut())
            {
                PowerOff();
                throw new CardPowerLostException();
            }

            var response = ProcessApdu(commandApdu);
            Faults.ApplyCorruption(response);
            return response;
        }
    }

    private byte[] ProcessApdu(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            return [0x67, 0x00];
        }

        return apdu[0] switch
        {
            0xFF => ProcessReaderCommand(apdu),
            0x90 => ProcessWrappedNative(apdu),
            _ => [0x6E, 0x00],
        };
    }

    private byte[] ProcessReaderCommand(ReadOnlySpan<byte> apdu)
    {
        if (apdu[1] != 0xCA)
        {
            return [0x6D, 0x00];
        }

        if (apdu[3] != 0x00 || apdu.Length > 5)
        {
            return [0x6A, 0x86];
        }

        byte[] data = apdu[2] switch
        {
            0x00 => AnticollisionUid.ToArray(),
            0x01 => State.Ats.ToArray(),
            _ => [],
        };
        if (data.Length == 0)
        {
            return [0x6A, 0x81];
        }

        var le = apdu.Length == 5 ? apdu[4] : 0;
        if (le != 0 && le < data.Length)
        {
            return [0x6C, (byte)data.Length];
        }

        return [.. data, 0x90, 0x00];
    }

    // 90 INS 00 00 [Lc data] [Le]: the native command is INS‖data.
    private byte[] ProcessWrappedNative(ReadOnlySpan<byte> apdu)
    {
        if (apdu[2] != 0x00 || apdu[3] != 0x00)
        {
            return [0x6A, 0x86];
        }

        var body = apdu[4..];
        ReadOnlySpan<byte> data;
        if (body.Length <= 1)
        {
            data = [];
        }
        else
        {
            var lc = body[0];
            if (lc == 0 || (body.Length != 1 + lc && body.Length != 2 + lc))
            {
                return [0x67, 0x00];
            }

            data = body.Slice(1, lc);
        }

        var frame = new byte[1 + data.Length];
        frame[0] = apdu[1];
        data.CopyTo(frame.AsSpan(1));
        var response = Model.Process(frame);
        return [.. response.Data, 0x91, (byte)response.Status];
    }
}
