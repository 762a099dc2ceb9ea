using MedBlocks.Simulator.Desfire.Crypto;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire.Crypto;

public sealed class DesfireCrc32Tests
{
    [Fact]
    public void Compute_ProxmarkVector_WireBytes()
    {
        var wire = new byte[4];
        DesfireCrc32.Write(DesfireCrc32.Compute(Hex.Bytes(TestVectors.Get("crc32_desfire", 0, "data"))), wire);
        Assert.Equal(TestVectors.Get("crc32_desfire", 0, "wire"), Hex.Of(wire));
    }

    [Fact]
    public void Compute_ChangeKeyVector_ValueAndWireOrder()
    {
        var crc = DesfireCrc32.Compute(Hex.Bytes(TestVectors.Get("crc32_desfire", 1, "data")));
        var wire = new byte[4];
        DesfireCrc32.Write(crc, wire);
        Assert.Equal(0xFD25748Eu, crc);
        Assert.Equal(TestVectors.Get("crc32_desfire", 1, "wire"), Hex.Of(wire));
    }
}
