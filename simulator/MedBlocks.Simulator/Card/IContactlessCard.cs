namespace MedBlocks.Simulator.Card;

/// <summary>
/// A card as the reader sees it: power, answer-to-reset and APDUs. The vpcd bridge and the
/// in-process transport both drive a card through this interface.
/// </summary>
public interface IContactlessCard
{
    /// <summary>The PC/SC ATR the reader reports for this card.</summary>
    ReadOnlyMemory<byte> Atr { get; }

    /// <summary>Whether the card is powered (in the field).</summary>
    bool IsPowered { get; }

    /// <summary>Powers the card: volatile state (sessions, selected application, open transactions) starts empty.</summary>
    void PowerOn();

    /// <summary>Removes power: volatile state is lost and uncommitted transactions roll back.</summary>
    void PowerOff();

    /// <summary>A warm reset: the same as power off then on.</summary>
    void Reset();

    /// <summary>Processes one command APDU and returns the response APDU with its status word.</summary>
    byte[] Process(ReadOnlySpan<byte> commandApdu);
}
