using MedBlocks.Pcsc.Tests.Integration;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>Kiosk tests that use the real pcscd with the vpcd readers: one collection, never in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class PcscdKioskGroup : ICollectionFixture<PcscdFixture>
{
    public const string Name = "kiosk-pcscd";
}
