using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Tests.Support;

/// <summary>Cards in known states for tests.</summary>
internal static class CardFactory
{
    public static readonly byte[] TestUid = Hex.Bytes("04063F72633480");

    public static SimulatedDesfireCard Blank(FixedRandomSource? random = null, DesfireStorageSize size = DesfireStorageSize.FourKilobytes)
    {
        random ??= new FixedRandomSource();
        var card = new SimulatedDesfireCard(CardImage.NewBlank(size, TestUid, random), random);
        card.PowerOn();
        return card;
    }

    /// <summary>A blank card plus application 000001 with the given keys (settings 0x0F) selected by the returned host.</summary>
    public static (SimulatedDesfireCard Card, DesfireTestHost Host) WithApplication(FixedRandomSource random, DesfireKeyType type, params byte[][] keys)
    {
        var card = Blank(random);
        var application = new DesfireApplication(0x000001, 0x0F, type, keys.Select(k => new DesfireKey(type, k)));
        card.State.Applications.Add(application);
        var host = new DesfireTestHost(card);
        host.Expect(0x5A, [0x01, 0x00, 0x00]);
        return (card, host);
    }
}
