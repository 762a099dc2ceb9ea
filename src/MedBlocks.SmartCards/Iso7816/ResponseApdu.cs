namespace MedBlocks.SmartCards.Iso7816;

/// <summary>A response APDU: response data followed by the status word.</summary>
public sealed class ResponseApdu
{
    public ResponseApdu(ReadOnlyMemory<byte> data, StatusWord statusWord)
    {
        Data = data;
        StatusWord = statusWord;
    }

    public ReadOnlyMemory<byte> Data { get; }

    public StatusWord StatusWord { get; }

    /// <summary>Splits raw response bytes into data and status word.</summary>
    /// <exception cref="ApduFormatException">Fewer than two bytes: no status word.</exception>
    public static ResponseApdu Parse(ReadOnlyMemory<byte> response)
    {
        if (response.Length < 2)
        {
            throw new ApduFormatException($"A response APDU needs at least the 2 status bytes; got {response.Length}.");
        }

        var span = response.Span;
        return new ResponseApdu(response[..^2], new StatusWord(span[^2], span[^1]));
    }
}
