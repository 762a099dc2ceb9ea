using System.Runtime.CompilerServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>rgbAtr of pcsc-lite and macOS (MAX_ATR_SIZE 33).</summary>
[InlineArray(33)]
internal struct AtrBuffer33
{
    private byte element;
}
