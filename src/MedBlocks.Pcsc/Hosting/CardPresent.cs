using System.Text;

namespace MedBlocks.Pcsc.Hosting;

/// <summary>A card is in <see cref="CardEvent.ReaderName"/>; <see cref="Uid"/> identifies a patient, so ToString masks it.</summary>
public sealed record CardPresent(string ReaderName, ReadOnlyMemory<byte> Atr, ReadOnlyMemory<byte> Uid, DateTimeOffset Timestamp)
    : CardEvent(ReaderName, Timestamp)
{
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ReaderName = ").Append(ReaderName)
            .Append(", Atr = ").Append(Convert.ToHexString(Atr.Span))
            .Append(", Uid = ").Append(UidMask.Mask(Uid.Span))
            .Append(", Timestamp = ").Append(Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
