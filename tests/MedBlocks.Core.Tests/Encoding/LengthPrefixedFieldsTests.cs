using MedBlocks.Core.Encoding;

namespace MedBlocks.Core.Tests.Encoding;

public sealed class LengthPrefixedFieldsTests
{
    [Fact]
    public void ToArray_FieldsAndInteger_ExactLayout()
    {
        var bytes = new LengthPrefixedFields().Add("ab").Add([]).Add([0xff]).AddInt64(-2).ToArray();

        Assert.Equal(Convert.FromHexString("000000026162" + "00000000" + "00000001ff" + "fffffffffffffffe"), bytes);
    }

    [Fact]
    public void ToArray_ShiftedBoundary_Differs()
    {
        var one = new LengthPrefixedFields().Add("ab").Add("c").ToArray();
        var two = new LengthPrefixedFields().Add("a").Add("bc").ToArray();

        Assert.NotEqual(one, two);
    }
}
