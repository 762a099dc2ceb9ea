namespace MedBlocks.Simulator.Desfire;

/// <summary>DESFire native status codes (SW2 after SW1 = 0x91).</summary>
#pragma warning disable CA1028 // The wire value is one byte.
public enum DesfireStatus : byte
#pragma warning restore CA1028
{
    OperationOk = 0x00,
    NoChanges = 0x0C,
    OutOfEeprom = 0x0E,
    IllegalCommand = 0x1C,
    IntegrityError = 0x1E,
    NoSuchKey = 0x40,
    LengthError = 0x7E,
    PermissionDenied = 0x9D,
    ParameterError = 0x9E,
    ApplicationNotFound = 0xA0,
    AuthenticationError = 0xAE,
    AdditionalFrame = 0xAF,
    BoundaryError = 0xBE,
    CommandAborted = 0xCA,
    CountError = 0xCE,
    DuplicateError = 0xDE,
    FileNotFound = 0xF0,
}
