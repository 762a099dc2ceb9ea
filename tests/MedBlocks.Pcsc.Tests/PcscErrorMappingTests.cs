using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Pcsc.Tests;

public sealed class PcscErrorMappingTests
{
    [Theory]
    [InlineData(0x80100069u, typeof(CardRemovedException))]
    [InlineData(0x8010000Cu, typeof(CardRemovedException))]
    [InlineData(0x80100068u, typeof(PcscCardResetException))]
    [InlineData(0x80100017u, typeof(PcscReaderUnavailableException))]
    [InlineData(0x80100009u, typeof(PcscReaderUnavailableException))]
    [InlineData(0x8010002Eu, typeof(PcscReaderUnavailableException))]
    [InlineData(0x8010001Du, typeof(PcscServiceUnavailableException))]
    [InlineData(0x8010001Eu, typeof(PcscServiceUnavailableException))]
    [InlineData(0x80100018u, typeof(PcscServiceUnavailableException))]
    [InlineData(0x8010000Au, typeof(PcscTimeoutException))]
    [InlineData(0x80100002u, typeof(PcscCancelledException))]
    [InlineData(0x80100012u, typeof(PcscCancelledException))]
    [InlineData(0x8010000Bu, typeof(PcscSharingViolationException))]
    [InlineData(0x80100004u, typeof(PcscException))]
    [InlineData(0x80100003u, typeof(PcscException))]
    [InlineData(0x80100013u, typeof(PcscException))]
    [InlineData(0x80100066u, typeof(PcscException))]
    [InlineData(0x80100067u, typeof(PcscException))]
    [InlineData(0x8010000Fu, typeof(PcscException))]
    public void ToException_EachCode_MapsToItsOwnType(uint code, Type expected)
    {
        var ex = PcscErrorMapping.ToException(code, "SCardTransmit");

        Assert.IsType(expected, ex);
    }

    [Fact]
    public void ToException_RemovedCard_KeepsCodeAndNameInInnerException()
    {
        var ex = Assert.IsType<CardRemovedException>(PcscErrorMapping.ToException(0x80100069, "SCardTransmit"));

        var inner = Assert.IsType<PcscException>(ex.InnerException);
        Assert.Equal(0x80100069u, inner.Code);
        Assert.Equal("SCARD_W_REMOVED_CARD", inner.CodeName);
        Assert.Contains("removed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToException_Timeout_MessageNamesOperationAndCode()
    {
        var ex = Assert.IsType<PcscTimeoutException>(PcscErrorMapping.ToException(0x8010000A, "SCardGetStatusChange"));

        Assert.Equal("SCardGetStatusChange failed: SCARD_E_TIMEOUT (0x8010000A).", ex.Message);
        Assert.Equal("SCARD_E_TIMEOUT", ex.CodeName);
        Assert.Equal("SCardGetStatusChange", ex.Operation);
    }

    [Fact]
    public void ThrowIfFailed_Success_DoesNotThrow()
    {
        PcscErrorMapping.ThrowIfFailed(0, "SCardConnect");
    }

    [Fact]
    public void Of_EveryNamedCode_HasDistinctCName()
    {
        var names = Enum.GetValues<PcscErrorCode>().Select(c => PcscErrorNames.Of((uint)c)).ToList();

        Assert.All(names, n => Assert.StartsWith("SCARD_", n, StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Of_UnknownCode_SaysUnknownWithHex()
    {
        Assert.Equal("unknown PC/SC code 0x80100099", PcscErrorNames.Of(0x80100099));
    }
}
