using MedBlocks.SmartCards.Iso7816;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Desfire;

/// <summary>
/// DESFire native commands wrapped in ISO 7816-4 (<c>90 INS 00 00 [Lc data] 00</c> → <c>data 91 SW2</c>),
/// with 91 AF chaining in both directions and limits on frame sizes and chain length.
/// </summary>
public sealed class DesfireFrameTransport
{
    /// <summary>A wrapped command is at most 55 bytes of INS + data, so 54 data bytes per frame.</summary>
    public const int MaxCommandDataPerFrame = 54;

    /// <summary>A response frame carries at most 59 data bytes before its status.</summary>
    public const int MaxResponseDataPerFrame = 59;

    private const byte WrappedClass = 0x90;
    private const byte NativeStatusSw1 = 0x91;

    private readonly ICardTransport _transport;
    private readonly DesfireFramingOptions _options;

    public DesfireFrameTransport(ICardTransport transport, DesfireFramingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _options = options ?? DesfireFramingOptions.Default;
        _options.Validate();
    }

    /// <summary>Wraps one native frame as an ISO 7816 APDU.</summary>
    public static byte[] Wrap(byte ins, ReadOnlyMemory<byte> data) =>
        new CommandApdu(WrappedClass, ins, 0x00, 0x00, data, CommandApdu.MaxShortNe).EncodeShort();

    /// <summary>One frame out, one frame in, no chaining (authentication steps answer 91 AF by design).</summary>
    public async ValueTask<DesfireFrameResponse> TransceiveFrameAsync(byte ins, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (data.Length > MaxCommandDataPerFrame)
        {
            throw new ArgumentException($"A DESFire frame carries at most {MaxCommandDataPerFrame} data bytes; got {data.Length}.", nameof(data));
        }

        var (status, frame) = await SendFrameAsync(ins, data, cancellationToken);
        return new DesfireFrameResponse(status, frame);
    }

    /// <summary>
    /// Sends a whole command (split into frames with AF continuations) and gathers the whole answer
    /// (sending bare AF frames while the card says 91 AF). A final status other than OK is returned, not thrown.
    /// </summary>
    public async ValueTask<DesfireFrameResponse> ExchangeAsync(byte ins, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var first = data[..Math.Min(data.Length, MaxCommandDataPerFrame)];
        var (status, frame) = await SendFrameAsync(ins, first, cancellationToken);
        var sent = first.Length;
        while (sent < data.Length)
        {
            if (status != DesfireStatus.AdditionalFrame)
            {
                // The card stopped the chain early, typically with an error status.
                return new DesfireFrameResponse(status, frame);
            }

            if (!frame.IsEmpty)
            {
                throw new DesfireProtocolException($"The card returned {frame.Length} data bytes while command {ins:X2} was still being sent.");
            }

            var next = data.Slice(sent, Math.Min(data.Length - sent, MaxCommandDataPerFrame));
            (status, frame) = await SendFrameAsync(DesfireCommand.AdditionalFrame, next, cancellationToken);
            sent += next.Length;
        }

        if (status != DesfireStatus.AdditionalFrame)
        {
            return new DesfireFrameResponse(status, frame);
        }

        var collected = new List<byte>(frame.Length * 2);
        collected.AddRange(frame.Span);
        var frames = 1;
        while (status == DesfireStatus.AdditionalFrame)
        {
            if (++frames > _options.MaxResponseFrames)
            {
                throw new DesfireProtocolException($"Command {ins:X2}: the card kept chaining beyond {_options.MaxResponseFrames} frames.");
            }

            (status, frame) = await SendFrameAsync(DesfireCommand.AdditionalFrame, ReadOnlyMemory<byte>.Empty, cancellationToken);
            collected.AddRange(frame.Span);
            if (collected.Count > _options.MaxResponseLength)
            {
                throw new DesfireProtocolException($"Command {ins:X2}: the answer exceeds {_options.MaxResponseLength} bytes.");
            }
        }

        return new DesfireFrameResponse(status, collected.ToArray());
    }

    private async ValueTask<(DesfireStatus Status, ReadOnlyMemory<byte> Data)> SendFrameAsync(byte ins, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var raw = await _transport.TransmitAsync(Wrap(ins, data), cancellationToken);
        if (raw is null || raw.Length < 2)
        {
            throw new DesfireProtocolException($"Command {ins:X2}: the answer of {raw?.Length ?? 0} bytes has no status word.");
        }

        var response = ResponseApdu.Parse(raw);
        if (response.StatusWord.Sw1 != NativeStatusSw1)
        {
            throw new DesfireProtocolException($"Command {ins:X2}: status {response.StatusWord} is not a DESFire status (SW1 must be 91).");
        }

        if (response.Data.Length > MaxResponseDataPerFrame)
        {
            throw new DesfireProtocolException($"Command {ins:X2}: a response frame of {response.Data.Length} data bytes exceeds {MaxResponseDataPerFrame}.");
        }

        return ((DesfireStatus)response.StatusWord.Sw2, response.Data);
    }
}
