namespace MedBlocks.Simulator.Card;

/// <summary>
/// Faults to inject into a simulated card: tearing (power cut after a number of APDUs) and a
/// corrupted response. Thread-safe; each fault fires once.
/// </summary>
public sealed class CardFaults
{
    private readonly Lock _gate = new();
    private int? _apdusBeforePowerCut;
    private int? _corruptBit;

    /// <summary>
    /// The card answers the next <paramref name="apdus"/> APDUs; the one after that finds the card
    /// without power: it throws <see cref="CardPowerLostException"/> and uncommitted changes roll back.
    /// </summary>
    public void CutPowerAfter(int apdus)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(apdus);
        lock (_gate)
        {
            _apdusBeforePowerCut = apdus;
        }
    }

    /// <summary>Flips one bit (counted from the first byte's least significant bit) of the next response.</summary>
    public void CorruptNextResponse(int bitIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bitIndex);
        lock (_gate)
        {
            _corruptBit = bitIndex;
        }
    }

    /// <summary>Disarms every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _apdusBeforePowerCut = null;
            _corruptBit = null;
        }
    }

    /// <summary>Counts one APDU; true when this APDU is the one that meets a dead card.</summary>
    internal bool TakePowerCut()
    {
        lock (_gate)
        {
            if (_apdusBeforePowerCut is null)
            {
                return false;
            }

            if (_apdusBeforePowerCut == 0)
            {
                _apdusBeforePowerCut = null;
                return true;
            }

            _apdusBeforePowerCut--;
            return false;
        }
    }

    internal void ApplyCorruption(byte[] response)
    {
        lock (_gate)
        {
            if (_corruptBit is not { } bit || response.Length == 0)
            {
                return;
            }

            _corruptBit = null;
            var index = Math.Min(bit, (response.Length * 8) - 1);
            response[index / 8] ^= (byte)(1 << (index % 8));
        }
    }
}
