namespace MedBlocks.Pcsc;

/// <summary>
/// The answer of SCardStatus: the reader a handle belongs to, the card's state word (pcsc-lite bit
/// flags, winscard enumeration), the active protocol and the ATR.
/// </summary>
public sealed record PcscCardStatus(string ReaderName, uint RawState, PcscProtocols Protocol, ReadOnlyMemory<byte> Atr);
