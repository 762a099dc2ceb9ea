using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Desfire;

/// <summary>
/// The DESFire command set over an <see cref="ICardTransport"/>. Every command runs through the same
/// pipeline: protect (CMAC for the IV, appended MAC, or encipherment) → frame and chain → check the
/// status → verify (CMAC or CRC). The authenticated state ends on any error status, on
/// SelectApplication, on a transport failure or cancellation, and after changing the session key.
/// Not thread-safe: one session drives one card.
/// </summary>
public sealed partial class DesfireSession : IDisposable
{
    private readonly DesfireFrameTransport _frames;
    private readonly IDesfireRandom _random;
    private readonly DesfireFramingOptions _framing;
    private Ev1SecureChannel? _channel;

    public DesfireSession(ICardTransport transport, IDesfireRandom? random = null, DesfireFramingOptions? framing = null)
    {
        _framing = framing ?? DesfireFramingOptions.Default;
        _frames = new DesfireFrameTransport(transport, _framing);
        _random = random ?? SystemDesfireRandom.Instance;
    }

    public bool IsAuthenticated => _channel is not null;

    /// <summary>The key number of the current authentication, when there is one.</summary>
    public int? AuthenticatedKeyNumber { get; private set; }

    /// <summary>The application last selected through this session (the PICC level at first).</summary>
    public DesfireAid SelectedApplication { get; private set; } = DesfireAid.Picc;

    /// <summary>The secure channel of the current authentication (exposed to tests and benchmarks).</summary>
    internal Ev1SecureChannel? Channel => _channel;

    /// <summary>Forgets the authentication; later commands are sent plain.</summary>
    public void EndSession()
    {
        _channel?.Dispose();
        _channel = null;
        AuthenticatedKeyNumber = null;
    }

    public void Dispose() => EndSession();

    /// <summary>Continues a session whose keys are already agreed (recorded exchanges in tests, benchmarks).</summary>
    internal void ResumeSecureChannel(Ev1SecureChannel channel, int keyNumber)
    {
        EndSession();
        _channel = channel;
        AuthenticatedKeyNumber = keyNumber;
    }

    /// <summary>Records which application the card has selected, for sessions resumed without SelectApplication.</summary>
    internal void AssumeSelectedApplication(DesfireAid aid) => SelectedApplication = aid;

    /// <summary>Protects, sends and verifies one command whose data travels in <paramref name="commandMode"/>.</summary>
    private async Task<byte[]> ExecuteAsync(
        byte command,
        ReadOnlyMemory<byte> header,
        ReadOnlyMemory<byte> data,
        DesfireCommMode commandMode,
        ResponseProtection responseProtection,
        CancellationToken cancellationToken,
        int? expectedLength = null)
    {
        var payload = Protect(command, header.Span, data.Span, commandMode);
        return await SendProtectedAsync(command, payload, responseProtection, expectedLength, cancellationToken);
    }

    private byte[] Protect(byte command, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data, DesfireCommMode commandMode)
    {
        var channel = _channel;
        if (channel is null)
        {
            return [.. header, .. data];
        }

        switch (commandMode)
        {
            case DesfireCommMode.Enciphered:
                return [.. header, .. channel.EncipherCommandData(command, header, data)];
            case DesfireCommMode.Maced:
                byte[] parameters = [.. header, .. data];
                return [.. parameters, .. channel.MacCommand(command, parameters)];
            default:
                byte[] plain = [.. header, .. data];
                channel.MacCommand(command, plain);
                return plain;
        }
    }

    private async Task<byte[]> SendProtectedAsync(byte command, ReadOnlyMemory<byte> payload, ResponseProtection responseProtection, int? expectedLength, CancellationToken cancellationToken)
    {
        DesfireFrameResponse response;
        try
        {
            response = await _frames.ExchangeAsync(command, payload, cancellationToken);
        }
        catch
        {
            // Card and host may now disagree on the IV; only a new authentication recovers.
            EndSession();
            throw;
        }

        if (response.Status != DesfireStatus.Ok)
        {
            EndSession();
            throw new DesfireException(response.Status, command);
        }

        var channel = _channel;
        if (channel is null || responseProtection == ResponseProtection.None)
        {
            return response.Data.ToArray();
        }

        try
        {
            return responseProtection == ResponseProtection.Enciphered
                ? channel.DecipherResponse(response.Data.Span, expectedLength)
                : channel.VerifyResponseMac(response.Data).ToArray();
        }
        catch (DesfireIntegrityException)
        {
            EndSession();
            throw;
        }
    }

    private Ev1SecureChannel RequireChannel(string operation) =>
        _channel ?? throw new InvalidOperationException($"{operation} needs an authenticated session.");

    private static byte[] UInt24(int value)
    {
        if (value is < 0 or > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "DESFire offsets and lengths are 24-bit.");
        }

        return [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];
    }

    private static void CheckFileNumber(byte fileNumber)
    {
        if (fileNumber > 0x1F)
        {
            throw new ArgumentOutOfRangeException(nameof(fileNumber), fileNumber, "File numbers are 0..31.");
        }
    }

    private static void CheckKeyNumber(byte keyNumber)
    {
        if (keyNumber > 0x0D)
        {
            throw new ArgumentOutOfRangeException(nameof(keyNumber), keyNumber, "Key numbers are 0..13.");
        }
    }
}
