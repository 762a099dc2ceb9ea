using MedBlocks.Pcsc.Tests.TestDoubles;

namespace MedBlocks.Pcsc.Tests;

public sealed class PcscContextTests
{
    [Fact]
    public void ListReaders_TwoReaders_ReturnsBothNames()
    {
        var interop = new ScriptedPcscInterop { Readers = ["Virtual PCD 00 00", "Virtual PCD 00 01"] };
        using var context = PcscContext.Establish(interop);

        var readers = context.ListReaders();

        Assert.Equal(["Virtual PCD 00 00", "Virtual PCD 00 01"], readers);
        Assert.Equal(["ListReaders:size", "ListReaders:fill"], interop.CallsSnapshot().Where(c => c.StartsWith("ListReaders", StringComparison.Ordinal)));
    }

    [Fact]
    public void ListReaders_ReaderAppearsBetweenSizeAndFill_RetriesWithTheNewSize()
    {
        var interop = new ScriptedPcscInterop();
        var one = ScriptedPcscInterop.MultiString("A");
        var two = ScriptedPcscInterop.MultiString("A", "B");
        interop.ScriptListReaders((_, _) => (0, one.Length));
        interop.ScriptListReaders((_, _) => ((uint)PcscErrorCode.InsufficientBuffer, two.Length));
        interop.ScriptListReaders((_, _) => (0, two.Length));
        interop.ScriptListReaders((buffer, length) =>
        {
            Assert.Equal(two.Length, length);
            two.CopyTo(buffer!, 0);
            return (0, two.Length);
        });
        using var context = PcscContext.Establish(interop);

        var readers = context.ListReaders();

        Assert.Equal(["A", "B"], readers);
        Assert.Equal(4, interop.CallsSnapshot().Count(c => c.StartsWith("ListReaders", StringComparison.Ordinal)));
    }

    [Fact]
    public void ListReaders_SizeKeepsChanging_GivesUpWithInsufficientBuffer()
    {
        var interop = new ScriptedPcscInterop();
        for (var i = 0; i < 5; i++)
        {
            interop.ScriptListReaders((_, _) => (0, 4));
            interop.ScriptListReaders((_, _) => ((uint)PcscErrorCode.InsufficientBuffer, 8));
        }

        using var context = PcscContext.Establish(interop);

        var ex = Assert.Throws<PcscException>(() => context.ListReaders());
        Assert.Equal((uint)PcscErrorCode.InsufficientBuffer, ex.Code);
    }

    [Fact]
    public void ListReaders_NoReadersAvailable_ReturnsEmpty()
    {
        var interop = new ScriptedPcscInterop();
        using var context = PcscContext.Establish(interop);

        Assert.Empty(context.ListReaders());
    }

    [Fact]
    public void ListReaders_ServiceStopped_ThrowsServiceUnavailable()
    {
        var interop = new ScriptedPcscInterop();
        interop.ScriptListReaders((_, _) => ((uint)PcscErrorCode.ServiceStopped, 0));
        using var context = PcscContext.Establish(interop);

        var ex = Assert.Throws<PcscServiceUnavailableException>(() => context.ListReaders());
        Assert.Equal("SCARD_E_SERVICE_STOPPED", ex.CodeName);
    }

    [Fact]
    public void Establish_NoService_ThrowsServiceUnavailable()
    {
        var interop = new ScriptedPcscInterop();
        interop.ScriptEstablish((uint)PcscErrorCode.NoService);

        var ex = Assert.Throws<PcscServiceUnavailableException>(() => PcscContext.Establish(interop));
        Assert.Equal("SCardEstablishContext failed: SCARD_E_NO_SERVICE (0x8010001D).", ex.Message);
    }

    [Fact]
    public void Dispose_ReleasesTheContextOnce()
    {
        var interop = new ScriptedPcscInterop();
        var context = PcscContext.Establish(interop);

        context.Dispose();
        context.Dispose();

        Assert.Equal(["Establish:00000000", "Release:1000"], interop.CallsSnapshot());
    }

    [Fact]
    public void Connect_SharedAnyProtocol_ReturnsCardWithActiveProtocol()
    {
        var interop = new ScriptedPcscInterop { OnConnect = _ => (0, PcscProtocols.T1) };
        using var context = PcscContext.Establish(interop);

        using var card = context.Connect("Virtual PCD 00 00");

        Assert.Equal(PcscProtocols.T1, card.ActiveProtocol);
        Assert.Contains("Connect:Virtual PCD 00 00:Shared:Any", interop.CallsSnapshot());
    }

    [Fact]
    public void Connect_SharingViolation_ThrowsTypedException()
    {
        var interop = new ScriptedPcscInterop { OnConnect = _ => ((uint)PcscErrorCode.SharingViolation, PcscProtocols.None) };
        using var context = PcscContext.Establish(interop);

        Assert.Throws<PcscSharingViolationException>(() => context.Connect("R", PcscShareMode.Exclusive));
    }

    [Fact]
    public void WaitForChange_Timeout_ReturnsFalse()
    {
        var interop = new ScriptedPcscInterop();
        interop.ScriptStatusChange(_ => (uint)PcscErrorCode.Timeout);
        using var context = PcscContext.Establish(interop);

        Assert.False(context.WaitForChange([new PcscReaderState("R")], TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void WaitForChange_Cancelled_ThrowsCancelled()
    {
        var interop = new ScriptedPcscInterop();
        using var context = PcscContext.Establish(interop);
        context.Cancel();

        Assert.Throws<PcscCancelledException>(() => context.WaitForChange([new PcscReaderState("R")], Timeout.InfiniteTimeSpan));
    }
}
