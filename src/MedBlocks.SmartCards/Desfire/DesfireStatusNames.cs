using System.Globalization;

namespace MedBlocks.SmartCards.Desfire;

/// <summary>The status names as DESFire documentation and logs spell them, with a plain-English meaning.</summary>
public static class DesfireStatusNames
{
    public static string ToSpecName(this DesfireStatus status) => status switch
    {
        DesfireStatus.Ok => "OK",
        DesfireStatus.NoChanges => "NO_CHANGES",
        DesfireStatus.OutOfEeprom => "OUT_OF_EEPROM",
        DesfireStatus.IllegalCommand => "ILLEGAL_COMMAND",
        DesfireStatus.IntegrityError => "INTEGRITY_ERROR",
        DesfireStatus.NoSuchKey => "NO_SUCH_KEY",
        DesfireStatus.LengthError => "LENGTH_ERROR",
        DesfireStatus.PermissionDenied => "PERMISSION_DENIED",
        DesfireStatus.ParameterError => "PARAMETER_ERROR",
        DesfireStatus.ApplicationNotFound => "APPLICATION_NOT_FOUND",
        DesfireStatus.ApplIntegrity => "APPL_INTEGRITY",
        DesfireStatus.AuthenticationError => "AUTHENTICATION_ERROR",
        DesfireStatus.AdditionalFrame => "ADDITIONAL_FRAME",
        DesfireStatus.BoundaryError => "BOUNDARY_ERROR",
        DesfireStatus.PiccIntegrity => "PICC_INTEGRITY",
        DesfireStatus.CommandAborted => "COMMAND_ABORTED",
        DesfireStatus.PiccDisabled => "PICC_DISABLED",
        DesfireStatus.CountError => "COUNT_ERROR",
        DesfireStatus.DuplicateError => "DUPLICATE_ERROR",
        DesfireStatus.EepromError => "EEPROM_ERROR",
        DesfireStatus.FileNotFound => "FILE_NOT_FOUND",
        DesfireStatus.FileIntegrity => "FILE_INTEGRITY",
        _ => "UNKNOWN_" + ((byte)status).ToString("X2", CultureInfo.InvariantCulture),
    };

    public static string Describe(this DesfireStatus status) => status switch
    {
        DesfireStatus.Ok => "success",
        DesfireStatus.NoChanges => "no changes done to backup files",
        DesfireStatus.OutOfEeprom => "insufficient card memory",
        DesfireStatus.IllegalCommand => "command code not supported",
        DesfireStatus.IntegrityError => "CRC or MAC of the command does not match",
        DesfireStatus.NoSuchKey => "invalid key number",
        DesfireStatus.LengthError => "command length is invalid",
        DesfireStatus.PermissionDenied => "current configuration or status does not allow the command",
        DesfireStatus.ParameterError => "a parameter value is invalid",
        DesfireStatus.ApplicationNotFound => "the application does not exist",
        DesfireStatus.ApplIntegrity => "unrecoverable error within the application",
        DesfireStatus.AuthenticationError => "authentication failed or is required",
        DesfireStatus.AdditionalFrame => "additional frame expected",
        DesfireStatus.BoundaryError => "attempt to read or write beyond the file's or record's limits",
        DesfireStatus.PiccIntegrity => "unrecoverable error within the card",
        DesfireStatus.CommandAborted => "previous command was not fully completed",
        DesfireStatus.PiccDisabled => "the card was disabled by an unrecoverable error",
        DesfireStatus.CountError => "the maximum number of applications is reached",
        DesfireStatus.DuplicateError => "the application or file already exists",
        DesfireStatus.EepromError => "could not complete the non-volatile write",
        DesfireStatus.FileNotFound => "the file does not exist",
        DesfireStatus.FileIntegrity => "unrecoverable error within the file",
        _ => "status code not defined for DESFire",
    };
}
