namespace MedBlocks.Simulator.Desfire;

/// <summary>How a successful response is protected before it leaves the card.</summary>
internal enum DesfireResponseProtection
{
    /// <summary>Plain data; an EV1 session still appends CMAC8 over data‖status.</summary>
    Plain,

    /// <summary>MACed file data: CMAC8 (EV1) or the legacy 4-byte MAC.</summary>
    Maced,

    /// <summary>Enciphered data with CRC and padding.</summary>
    Enciphered,

    /// <summary>Sent as is (authentication steps, or the session ended with this command).</summary>
    Bare,
}
