using System.Globalization;

namespace MedBlocks.Pcsc.Hosting;

/// <summary>Card UIDs identify patients: logs show only the first and last byte.</summary>
public static class UidMask
{
    public static string Mask(ReadOnlySpan<byte> uid) => uid.Length switch
    {
        0 => "(none)",
        <= 2 => string.Create(CultureInfo.InvariantCulture, $"** ({uid.Length} bytes)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{uid[0]:X2}{new string('*', (uid.Length - 2) * 2)}{uid[^1]:X2}"),
    };
}
