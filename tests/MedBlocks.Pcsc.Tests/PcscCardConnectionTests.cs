using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Pcsc.Tests;

public sealed class PcscCardConnectionTests
{
    private static (ScriptedPcscInterop Interop, PcscCardConnection Connection) Open()
    {
        var interop = new ScriptedPcscInterop { Readers = ["Reader A"] };
        return (interop, PcscCardConnection.Open(PcscContext.Establish(interop), "Reader A", PcscShareMode.Shared));
    }

    [Fact]
    public async Task TransmitAsync_ReturnsCardResponse()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(cmd => (0, [.. cmd.Skip(1).Take(1), 0x91, 0x00]));

        var response = await connection.TransmitAsync(new byte[] { 0x90, 0x60, 0x00, 0x00, 0x00 });

        Assert.Equal([0x60, 0x91, 0x00], response);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task TransmitAsync_ResetCard_ReconnectsOnceAndThrowsCardReset()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(_ => ((uint)PcscErrorCode.ResetCard, []));

        var ex = await Assert.ThrowsAsync<PcscCardResetException>(async () => await connection.TransmitAsync(new byte[] { 0x90, 0x60, 0x00, 0x00, 0x00 }));

        Assert.Contains("redo the card session", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["Reconnect:Leave"], interop.CallsSnapshot().Where(c => c.StartsWith("Reconnect", StringComparison.Ordinal)));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task TransmitAsync_ResetThenReconnectFindsNoCard_ThrowsCardResetWithCause()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(_ => ((uint)PcscErrorCode.ResetCard, []));
        interop.OnReconnect = _ => ((uint)PcscErrorCode.ReaderUnavailable, PcscProtocols.None);

        var ex = await Assert.ThrowsAsync<PcscCardResetException>(async () => await connection.TransmitAsync(new byte[] { 0x00, 0x00, 0x00, 0x00 }));

        Assert.IsType<PcscReaderUnavailableException>(ex.InnerException);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task TransmitAsync_CardRemoved_ThrowsCardRemovedNamingTheReader()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(_ => ((uint)PcscErrorCode.RemovedCard, []));

        var ex = await Assert.ThrowsAsync<CardRemovedException>(async () => await connection.TransmitAsync(new byte[] { 0x00, 0x00, 0x00, 0x00 }));

        Assert.Equal("The card was removed from 'Reader A' during the exchange; tap the card again.", ex.Message);
        Assert.Equal((uint)PcscErrorCode.RemovedCard, Assert.IsType<PcscException>(ex.InnerException).Code);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task TransmitAsync_CancelledWhileCardAnswers_ThrowsAndNextCallWaitsForTheFirst()
    {
        var (interop, connection) = Open();
        using var release = new ManualResetEventSlim();
        interop.TransmitSteps.Enqueue(_ => { release.Wait(); return (0, [0x90, 0x00]); });
        interop.TransmitSteps.Enqueue(_ => (0, [0x91, 0x00]));
        using var cts = new CancellationTokenSource();

        var first = connection.TransmitAsync(new byte[] { 0x00, 0x01, 0x00, 0x00 }, cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var second = connection.TransmitAsync(new byte[] { 0x00, 0x02, 0x00, 0x00 }).AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        release.Set();

        Assert.Equal([0x91, 0x00], await second);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task ReadUidAsync_SendsGetDataAndStripsStatusWord()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(cmd => (0, [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x90, 0x00]));

        var uid = await connection.ReadUidAsync();

        Assert.Equal([0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66], uid);
        Assert.Contains("Transmit:T1:FFCA000000", interop.CallsSnapshot());
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task ReadUidAsync_ReaderSaysNotSupported_ThrowsWithStatusWord()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(_ => (0, [0x6A, 0x81]));

        var ex = await Assert.ThrowsAsync<CardTransportException>(async () => await connection.ReadUidAsync());

        Assert.Equal("The reader did not return the card UID (status word 6A81).", ex.Message);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task RunInTransactionAsync_WrapsOperationInBeginAndEnd()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(_ => (0, [0x90, 0x00]));
        interop.TransmitSteps.Enqueue(_ => (0, [0x91, 0x00]));

        var last = await connection.RunInTransactionAsync(async (c, ct) =>
        {
            await c.TransmitAsync(new byte[] { 0x00, 0x01, 0x00, 0x00 }, ct);
            return await c.TransmitAsync(new byte[] { 0x00, 0x02, 0x00, 0x00 }, ct);
        });

        Assert.Equal([0x91, 0x00], last);
        var calls = interop.CallsSnapshot().Where(c => !c.StartsWith("Establish", StringComparison.Ordinal) && !c.StartsWith("Connect", StringComparison.Ordinal));
        Assert.Equal(["BeginTransaction", "Transmit:T1:00010000", "Transmit:T1:00020000", "EndTransaction:Leave"], calls);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task RunInTransactionAsync_OperationThrows_StillEndsTransaction()
    {
        var (interop, connection) = Open();
        interop.TransmitSteps.Enqueue(_ => ((uint)PcscErrorCode.RemovedCard, []));

        await Assert.ThrowsAsync<CardRemovedException>(async () => await connection.RunInTransactionAsync(
            async (c, ct) => await c.TransmitAsync(new byte[] { 0x00, 0x01, 0x00, 0x00 }, ct)));

        Assert.Contains("EndTransaction:Leave", interop.CallsSnapshot());
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task BeginTransactionAsync_SharingViolation_Throws()
    {
        var (interop, connection) = Open();
        interop.BeginTransactionResult = (uint)PcscErrorCode.SharingViolation;

        await Assert.ThrowsAsync<PcscSharingViolationException>(async () => await connection.BeginTransactionAsync());
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_DisconnectsAndReleasesOwnContext()
    {
        var (interop, connection) = Open();

        await connection.DisposeAsync();

        Assert.Equal(["Disconnect:Leave", "Release:1000"], interop.CallsSnapshot().TakeLast(2));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await connection.TransmitAsync(new byte[] { 0, 0, 0, 0 }));
    }
}
