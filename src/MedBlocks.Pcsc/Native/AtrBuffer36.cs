using System.Runtime.CompilerServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>rgbAtr of winscard (36 bytes).</summary>
[InlineArray(36)]
internal struct AtrBuffer36
{
    private byte element;
}
