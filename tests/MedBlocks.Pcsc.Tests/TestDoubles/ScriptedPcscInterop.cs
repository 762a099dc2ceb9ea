using System.Text;
using MedBlocks.Pcsc.Native;

namespace MedBlocks.Pcsc.Tests.TestDoubles;

/// <summary>
/// A PC/SC layer whose every result is scripted by the test. GetStatusChange takes the next queued
/// step or blocks until Cancel, like the real call with an INFINITE timeout.
/// </summary>
internal sealed class ScriptedPcscInterop : IPcscInterop
{
    private readonly object gate = new();
    private readonly Queue<Func<PcscReaderState[], uint>> statusSteps = new();
    private readonly Queue<uint> establishResults = new();
    private readonly Queue<Func<byte[]?, int, (uint Result, int Length)>> listSteps = new();
    private nint nextContext = 0x1000;
    private bool cancelRequested;

    public Encoding ReaderNameEncoding => Encoding.UTF8;

    public string[] Readers { get; set; } = [];

    public List<string> Calls { get; } = [];

    /// <summary>CurrentState of each entry at each GetStatusChange call, by reader name.</summary>
    private List<Dictionary<string, ReaderStates>> StatusCalls { get; } = [];

    public Dictionary<string, ReaderStates>[] StatusCallsSnapshot()
    {
        lock (gate)
        {
            return [.. StatusCalls];
        }
    }

    public Func<string, (uint Result, PcscProtocols Active)> OnConnect { get; set; } = _ => (0, PcscProtocols.T1);

    public Queue<Func<byte[], (uint Result, byte[] Response)>> TransmitSteps { get; } = new();

    public Func<PcscDisposition, (uint Result, PcscProtocols Active)> OnReconnect { get; set; } = _ => (0, PcscProtocols.T1);

    public uint BeginTransactionResult { get; set; }

    public void ScriptEstablish(params uint[] results)
    {
        lock (gate)
        {
            foreach (var r in results)
            {
                establishResults.Enqueue(r);
            }
        }
    }

    public void ScriptListReaders(Func<byte[]?, int, (uint Result, int Length)> step)
    {
        lock (gate)
        {
            listSteps.Enqueue(step);
        }
    }

    public void ScriptStatusChange(Func<PcscReaderState[], uint> step)
    {
        lock (gate)
        {
            statusSteps.Enqueue(step);
            Monitor.PulseAll(gate);
        }
    }

    public static byte[] MultiString(params string[] names) => Encoding.UTF8.GetBytes(string.Concat(names.Select(n => n + "\0")) + "\0");

    private void Record(string call)
    {
        lock (gate)
        {
            Calls.Add(call);
        }
    }

    public string[] CallsSnapshot()
    {
        lock (gate)
        {
            return [.. Calls];
        }
    }

    public uint EstablishContext(PcscScope scope, out nint context)
    {
        lock (gate)
        {
            var rv = establishResults.Count > 0 ? establishResults.Dequeue() : 0u;
            context = rv == 0 ? nextContext++ : 0;
            Calls.Add($"Establish:{rv:X8}");
            return rv;
        }
    }

    public uint ReleaseContext(nint context)
    {
        Record($"Release:{context:X}");
        return 0;
    }

    public uint ListReaders(nint context, byte[]? buffer, ref int length)
    {
        Func<byte[]?, int, (uint, int)>? step = null;
        lock (gate)
        {
            Calls.Add(buffer is null ? "ListReaders:size" : "ListReaders:fill");
            if (listSteps.Count > 0)
            {
                step = listSteps.Dequeue();
            }
        }

        if (step is not null)
        {
            (var rv, length) = step(buffer, length);
            return rv;
        }

        if (Readers.Length == 0)
        {
            return (uint)PcscErrorCode.NoReadersAvailable;
        }

        var bytes = MultiString(Readers);
        if (buffer is null)
        {
            length = bytes.Length;
            return 0;
        }

        if (length < bytes.Length)
        {
            length = bytes.Length;
            return (uint)PcscErrorCode.InsufficientBuffer;
        }

        bytes.CopyTo(buffer, 0);
        length = bytes.Length;
        return 0;
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readers)
    {
        Func<PcscReaderState[], uint> step;
        lock (gate)
        {
            StatusCalls.Add(readers.ToDictionary(r => r.ReaderName, r => r.CurrentState));
            while (statusSteps.Count == 0 && !cancelRequested)
            {
                Monitor.Wait(gate);
            }

            if (statusSteps.Count == 0)
            {
                cancelRequested = false;
                return (uint)PcscErrorCode.Cancelled;
            }

            step = statusSteps.Dequeue();
        }

        return step(readers);
    }

    public uint Cancel(nint context)
    {
        lock (gate)
        {
            Calls.Add("Cancel");
            cancelRequested = true;
            Monitor.PulseAll(gate);
        }

        return 0;
    }

    public uint Connect(nint context, string readerName, PcscShareMode shareMode, PcscProtocols preferred, out nint card, out PcscProtocols active)
    {
        Record($"Connect:{readerName}:{shareMode}:{preferred}");
        var (rv, protocol) = OnConnect(readerName);
        card = rv == 0 ? 0x2000 : 0;
        active = protocol;
        return rv;
    }

    public uint Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferred, PcscDisposition initialization, out PcscProtocols active)
    {
        Record($"Reconnect:{initialization}");
        var (rv, protocol) = OnReconnect(initialization);
        active = protocol;
        return rv;
    }

    public uint Disconnect(nint card, PcscDisposition disposition)
    {
        Record($"Disconnect:{disposition}");
        return 0;
    }

    public uint BeginTransaction(nint card)
    {
        Record("BeginTransaction");
        return BeginTransactionResult;
    }

    public uint EndTransaction(nint card, PcscDisposition disposition)
    {
        Record($"EndTransaction:{disposition}");
        return 0;
    }

    public uint Transmit(nint card, PcscProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int responseLength)
    {
        Func<byte[], (uint, byte[])> step;
        lock (gate)
        {
            Calls.Add($"Transmit:{protocol}:{Convert.ToHexString(command)}");
            step = TransmitSteps.Dequeue();
        }

        var (rv, answer) = step(command.ToArray());
        if (rv == 0 && answer.Length > response.Length)
        {
            responseLength = 0;
            return (uint)PcscErrorCode.InsufficientBuffer;
        }

        answer.CopyTo(response);
        responseLength = rv == 0 ? answer.Length : 0;
        return rv;
    }

    public uint Control(nint card, int function, ReadOnlySpan<byte> input, Span<byte> output, out int outputLength)
    {
        Record($"Control:{function}:{Convert.ToHexString(input)}");
        output[0] = 0x90;
        output[1] = 0x00;
        outputLength = 2;
        return 0;
    }

    public uint Status(nint card, out string readerName, out uint state, out PcscProtocols protocol, out byte[] atr)
    {
        Record("Status");
        readerName = Readers.FirstOrDefault() ?? string.Empty;
        state = 0x34;
        protocol = PcscProtocols.T1;
        atr = [0x3B, 0x81, 0x80, 0x01, 0x80, 0x80];
        return 0;
    }
}
