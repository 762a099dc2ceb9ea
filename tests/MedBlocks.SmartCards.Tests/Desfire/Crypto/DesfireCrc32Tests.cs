using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class DesfireCrc32Tests
{
    [Fact]
    public void Write_EveryVector_ProducesWireBytes()
    {
        foreach (var vector in DesfireVectors.Get("crc32_desfire").EnumerateArray())
        {
            var wire = new byte[4];
            DesfireCrc32.Write(vector.Bytes("data"), wire);
            Assert.Equal(vector.Bytes("wire"), wire);
        }
    }

    [Fact]
    public void Compute_ChangeKeyVector_ReturnsPrintedValue()
    {
        var vector = DesfireVectors.Get("crc32_desfire")[1];

        Assert.Equal(0xFD25748Eu, DesfireCrc32.Compute(vector.Bytes("data")));
    }

    [Fact]
    public void Compute_Check123456789_IsComplementOfZlibCheckValue()
    {
        // zlib's CRC32 of "123456789" is CBF43926; DESFire omits the final XOR.
        Assert.Equal(~0xCBF43926u, DesfireCrc32.Compute("123456789"u8));
    }

    [Fact]
    public void Update_SplitInput_EqualsWholeInput()
    {
        var data = Hex.Sequence(0, 40);

        Assert.Equal(DesfireCrc32.Compute(data), DesfireCrc32.Update(DesfireCrc32.Update(0xFFFFFFFF, data.AsSpan(0, 13)), data.AsSpan(13)));
    }
}
