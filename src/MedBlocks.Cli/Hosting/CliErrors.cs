using System.Security.Cryptography;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;
using MedBlocks.Core.Secrets;
using MedBlocks.Core.Sharing;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Cli.Hosting;

/// <summary>Turns a failure into one line for the user and an exit code; never a stack trace.</summary>
internal static class CliErrors
{
    public static (string Message, int ExitCode) Describe(Exception exception) => exception switch
    {
        CliException e => (e.Message, e.ExitCode),
        PatientCardException e => (e.Message, e.Error is PatientCardError.Revoked or PatientCardError.ForeignNetwork ? ExitCodes.Denied : ExitCodes.Integrity),
        WrongPinException e => (e.Message, ExitCodes.Denied),
        PinLockedOutException e => (e.Message, ExitCodes.Denied),
        StaffSignInException e => (e.Message, ExitCodes.Denied),
        CardReissueException e => (e.Message, ExitCodes.Denied),
        MissingMasterKeyException e => ($"This station's card keys lack one this command needs: {e.Message}", ExitCodes.Denied),
        CardRemovedException => ("The card left the reader; put it back and run the command again.", ExitCodes.Failure),
        CardTransportException e => ($"Card reader: {e.Message}", ExitCodes.Failure),
        OperationCanceledException => ("Cancelled.", ExitCodes.Cancelled),
        WrongPassphraseException => ("Wrong passphrase for the key file.", ExitCodes.Denied),
        KeyFileFormatException e => ($"The key file is damaged or not a MedBlocks key file: {e.Message}", ExitCodes.Integrity),
        LegacyFormatException e => ($"The legacy file is not in the 2018 MedBlocks format: {e.Message}", ExitCodes.Integrity),
        LegacyParticipantException e => (e.Message, ExitCodes.Denied),
        MedBlockAccessDeniedException e => (e.Message, ExitCodes.Denied),
        MedBlockNotFoundException e => (e.Message, ExitCodes.NotFound),
        RecordTamperedException e => (e.Message, ExitCodes.Integrity),
        MedBlockSharingException e => (e.Message, ExitCodes.Failure),
        RecordNotFoundException e => ($"{e.Message} The record store does not hold it.", ExitCodes.NotFound),
        RecordIntegrityException e => (e.Message, ExitCodes.Integrity),
        RecordStoreException e => (e.Message, ExitCodes.Failure),
        LedgerRuleViolation e => ($"The ledger refused the entry ({e.Rule}): {e.Message}", ExitCodes.Denied),
        LedgerException e => ($"Ledger: {e.Message}", ExitCodes.Failure),
        SqliteException e => ($"The ledger database could not be used: {e.Message}", ExitCodes.Failure),
        InvalidDataException e => (e.Message, ExitCodes.Integrity),
        FileNotFoundException e => ($"File not found: {e.FileName ?? e.Message}", ExitCodes.NotFound),
        DirectoryNotFoundException e => (e.Message, ExitCodes.NotFound),
        UnauthorizedAccessException e => ($"Permission denied: {e.Message}", ExitCodes.Failure),
        IOException e => ($"I/O error: {e.Message}", ExitCodes.Failure),
        CryptographicException e => ($"Cryptographic failure: {e.Message}", ExitCodes.Integrity),
        FormatException e => (e.Message, ExitCodes.Usage),
        ArgumentException e => (e.Message, ExitCodes.Usage),
        _ => ($"Unexpected failure ({exception.GetType().Name}): {exception.Message}", ExitCodes.Failure),
    };
}
