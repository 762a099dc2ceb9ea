namespace MedBlocks.SmartCards.Desfire;

/// <summary>DESFire native status codes (SW2 under SW1 = 91).</summary>
#pragma warning disable CA1028 // The wire value is one byte.
public enum DesfireStatus : byte
#pragma warning restore CA1028
{
    Ok = 0x00,
    NoChanges = 0x0C,
    OutOfEeprom = 0x0E,
    IllegalCommand = 0x1C,
    IntegrityError = 0x1E,
    NoSuchKey = 0x40,
    LengthError = 0x7E,
    PermissionDenied = 0x9D,
    ParameterError = 0x9E,
    ApplicationNotFound = 0xA0,
    ApplIntegrity = 0xA1,
    AuthenticationError = 0xAE,
    AdditionalFrame = 0xAF,
    BoundaryError = 0xBE,
    PiccIntegrity = 0xC1,
    CommandAborted = 0xCA,
    PiccDisabled = 0xCD,
    CountError = 0xCE,
    DuplicateError = 0xDE,
    EepromError = 0xEE,
    FileNotFound = 0xF0,
    FileIntegrity = 0xF1,
}
