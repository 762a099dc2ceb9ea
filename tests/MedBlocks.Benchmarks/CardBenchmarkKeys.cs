using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Benchmarks;

/// <summary>Demo network master keys of the card benchmarks (development values, never a real network's).</summary>
internal static class CardBenchmarkKeys
{
    public static CardKeyOptions Masters() => new()
    {
        PiccMaster = "00112233445566778899AABBCCDDEEFF",
        ApplicationMaster = "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
        Write = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF",
        Read = "B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF",
        Emergency = "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF",
    };
}
