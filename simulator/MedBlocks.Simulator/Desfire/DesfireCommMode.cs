namespace MedBlocks.Simulator.Desfire;

/// <summary>The effective communication mode of a file operation.</summary>
internal enum DesfireCommMode
{
    Plain,
    Maced,
    Enciphered,
}
