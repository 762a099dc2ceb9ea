using MedBlocks.Core.Records;

namespace MedBlocks.Core.Tests.Records;

public sealed class RecordKeyTests
{
    [Fact]
    public void Generate_Twice_Differs()
    {
        using var one = RecordKey.Generate();
        using var two = RecordKey.Generate();

        Assert.Equal(32, one.Span.Length);
        Assert.False(one.Span.SequenceEqual(two.Span));
    }

    [Fact]
    public void FromBytes_CopiesInput()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        using var key = RecordKey.FromBytes(bytes);
        bytes[0] = 0xff;

        Assert.Equal(0, key.Span[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void FromBytes_WrongLength_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => RecordKey.FromBytes(new byte[length]));
    }

    [Fact]
    public void Dispose_ZeroesAndBlocksAccess()
    {
        var key = RecordKey.FromBytes(Enumerable.Repeat((byte)0xAB, 32).ToArray());
        var backing = typeof(RecordKey).GetField("_key", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

        key.Dispose();

        Assert.All((byte[])backing.GetValue(key)!, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => key.Span.Length);
    }
}
