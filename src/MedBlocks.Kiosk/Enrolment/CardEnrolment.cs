using System.Diagnostics;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// Enrolment and re-issue at the station's reader. Enrolment: the summary signed by the signed-in
/// registrar, the card personalised with new patient keys, the keys sealed in a backup under a new
/// recovery code, the identity declared on the ledger by the new participant, and the card read back as
/// a check-in would. Re-issue: the backup opened with the recovery code, the old card revoked and the
/// new card personalised (<see cref="CardReissue"/>), then read back likewise. Failures become an
/// <see cref="EnrolmentException"/> naming a plain-language problem; the logs carry no patient data.
/// </summary>
public sealed partial class CardEnrolment(
    CardInReader cards,
    IKeyProvider keys,
    StationIdentity station,
    PinAttemptLimiter pinLimiter,
    ILedger ledger,
    PatientBackups backups,
    IOptions<EnrolmentOptions> options,
    TimeProvider time,
    ILogger<CardEnrolment> logger,
    ICardRevocationCheck? revocations = null,
    SimulatedReader? simulated = null)
{
    private Argon2Parameters Kdf => options.Value.KdfCost.Parameters();

    /// <summary>Issues a new patient card for <paramref name="details"/> on the card in the reader.</summary>
    /// <exception cref="EnrolmentException">Why the card is not issued.</exception>
    public async Task<EnrolmentResult> EnrolAsync(IEntrySigner registrar, EnrolmentDetails details, string pin, bool formatIssuedCard, IProgress<EnrolmentStep>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(pin);
        var started = Stopwatch.GetTimestamp();
        var today = Today();
        var birthDate = details.ParsedBirthDate ?? throw new ArgumentException("Validate the details first.", nameof(details));
        var name = details.Name.Trim();
        var signed = await Guard(() => Task.FromResult(details.ToSummary(registrar.Address, today).Sign(registrar)));
        await RequireLedgerAsync(cancellationToken);
        var recoveryCode = RecoveryCode.New();
        var result = await Guard(() => cards.UseAsync(async (transport, ct) =>
        {
            Participant? created = null;
            try
            {
                var request = Request(name, birthDate, details.Sex, pin, signed, formatIssuedCard) with
                {
                    CreateParticipant = bits => created = Participant.Create(ParticipantRole.Patient, bits),
                };
                var card = await new CardPersonalizer(keys, time).PersonalizeAsync(transport, request, Forward(progress), ct);
                var patient = created!;
                progress?.Report(EnrolmentStep.SavingBackup);
                var masked = NameMask.Mask(name);
                backups.Save(
                    new PatientBackup(patient.Address, masked, birthDate.Year, today, card.Info.SerialText),
                    ParticipantKeyFile.Seal(patient, recoveryCode, Kdf),
                    new BackupCardContent(name, birthDate, details.Sex, signed).Seal(recoveryCode, Kdf));
                progress?.Report(EnrolmentStep.DeclaringIdentity);
                await DeclareOrUndoAsync(transport, patient, ct);
                await VerifyAsCheckInAsync(transport, patient.Address, card.Info.SerialText, progress, ct);
                Log.Enrolled(logger, card.Info.SerialText[^4..], card.RsaKeySize, card.Restarted, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return new EnrolmentResult(masked, birthDate.Year, card.Info.SerialText, patient.Address, recoveryCode, card.Restarted, RevokedOldCard: false, Stopwatch.GetElapsedTime(started));
            }
            finally
            {
                created?.Dispose();
            }
        }, cancellationToken));
        await ShelveSimulatedCardAsync(result, cancellationToken);
        progress?.Report(EnrolmentStep.Done);
        return result;
    }

    /// <summary>Opens a patient's backup with the recovery code typed by staff (before any card is touched).</summary>
    /// <exception cref="EnrolmentException">WrongRecoveryCode, or Failed when the backup files are missing.</exception>
    public BackupCardContent OpenBackup(PatientBackup backup, string typedCode)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var code = RecoveryCode.Normalize(typedCode)
            ?? throw new EnrolmentException(EnrolmentProblem.WrongRecoveryCode, "The recovery code is not 20 characters of the code alphabet.");
        try
        {
            return BackupCardContent.Open(backups.ReadCardContent(backup.Address), code);
        }
        catch (WrongPassphraseException e)
        {
            throw new EnrolmentException(EnrolmentProblem.WrongRecoveryCode, "The recovery code does not open the backup.", e);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidDataException or System.Text.Json.JsonException or KeyFileFormatException)
        {
            Log.BackupUnreadable(logger, e.GetType().Name);
            throw new EnrolmentException(EnrolmentProblem.BackupMismatch, "The backup files cannot be read.", e);
        }
    }

    /// <summary>Re-issues the patient's card on the card in the reader, revoking the card it replaces.</summary>
    /// <exception cref="EnrolmentException">Why the card is not issued.</exception>
    public async Task<EnrolmentResult> ReissueAsync(PatientBackup backup, string typedCode, string pin, bool formatIssuedCard, IProgress<EnrolmentStep>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(pin);
        var started = Stopwatch.GetTimestamp();
        var content = OpenBackup(backup, typedCode);
        var code = RecoveryCode.Normalize(typedCode)!;
        await RequireLedgerAsync(cancellationToken);
        var keyFile = backups.ReadKeyFile(backup.Address);
        var result = await Guard(() => cards.UseAsync(async (transport, ct) =>
        {
            progress?.Report(EnrolmentStep.RevokingOldCard);
            var request = Request(content.Name, content.BirthDate, content.Sex, pin, content.SignedEmergencySummary, formatIssuedCard) with
            {
                CreateParticipant = _ => throw new InvalidOperationException("A re-issue uses the restored keys."),
            };
            var reissued = await new CardReissue(new CardPersonalizer(keys, time), ledger).ReissueAsync(
                transport, new CardReissueRequest(keyFile, code, backup.CurrentSerial, CardRevocationReason.Lost), request, Forward(progress), ct);
            var card = reissued.Card;
            await VerifyAsCheckInAsync(transport, backup.Address, card.Info.SerialText, progress, ct);
            backups.UpdateSerial(backup.Address, card.Info.SerialText);
            Log.Reissued(logger, card.Info.SerialText[^4..], backup.CurrentSerial[^4..]);
            return new EnrolmentResult(backup.MaskedName, backup.BirthYear, card.Info.SerialText, backup.Address, RecoveryCode: null, card.Restarted, RevokedOldCard: true, Stopwatch.GetElapsedTime(started));
        }, cancellationToken));
        await ShelveSimulatedCardAsync(result, cancellationToken);
        progress?.Report(EnrolmentStep.Done);
        return result;
    }

    /// <summary>What a stopped enrolment means for the person at the station.</summary>
    public static EnrolmentProblem Classify(Exception exception) => exception switch
    {
        EnrolmentException e => e.Problem,
        CardRemovedException or DesfireProtocolException or TimeoutException => EnrolmentProblem.CardPulled,
        PatientCardException { Error: PatientCardError.AlreadyIssued } => EnrolmentProblem.AlreadyIssued,
        PatientCardException { Error: PatientCardError.OtherApplications or PatientCardError.ForeignNetwork } => EnrolmentProblem.NotBlank,
        PatientCardException { Error: PatientCardError.NotDesfire or PatientCardError.UnsupportedCard or PatientCardError.CardTooSmall } => EnrolmentProblem.UnsuitableCard,
        StaffSessionEndedException => EnrolmentProblem.StaffSignedOut,
        WrongPassphraseException => EnrolmentProblem.WrongRecoveryCode,
        CardReissueException or KeyFileFormatException => EnrolmentProblem.BackupMismatch,
        CardTransportException => EnrolmentProblem.CardPulled,
        _ => EnrolmentProblem.Failed,
    };

    private PersonalizationRequest Request(string name, DateOnly birthDate, string sex, string pin, ReadOnlyMemory<byte> signedSummary, bool formatIssuedCard) => new()
    {
        Name = name,
        BirthDate = birthDate,
        Sex = sex,
        IssuerId = (uint)options.Value.IssuerId,
        CreateParticipant = _ => throw new InvalidOperationException("Set by the caller."),
        Pin = pin,
        Kdf = Kdf,
        SignedEmergencySummary = signedSummary,
        FormatIssuedCard = formatIssuedCard,
    };

    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var problem = Classify(e);
            if (e is not EnrolmentException)
            {
                // The type and card error only: messages of card exceptions may carry serials, never names.
                Log.Stopped(logger, problem, e.GetType().Name, (e as PatientCardException)?.Error.ToString() ?? "-");
            }

            throw e as EnrolmentException ?? new EnrolmentException(problem, "The card was not issued.", e);
        }
    }

    private async Task RequireLedgerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ledger.GetHeadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.LedgerUnreachable(logger, e.GetType().Name);
            throw new EnrolmentException(EnrolmentProblem.LedgerUnreachable, "The ledger cannot be reached.", e);
        }
    }

    private async Task DeclareOrUndoAsync(ICardTransport transport, Participant patient, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.AppendAsync(patient, new IdentityDeclaration(patient.Address, patient.Role, Convert.ToBase64String(patient.EncryptionPublicKey.Span)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.LedgerUnreachable(logger, e.GetType().Name);
            backups.Remove(patient.Address);
            try
            {
                // An undeclared card must not pass for an issued one: back to an empty card of this network.
                await new CardPersonalizer(keys, time).FormatAsync(transport, cancellationToken);
            }
            catch (Exception format) when (format is not OperationCanceledException)
            {
                // Left issued but undeclared: check-in refuses it (unknown on the ledger) and a new enrolment formats it after confirmation.
                Log.UndoFailed(logger, format.GetType().Name);
            }

            throw new EnrolmentException(EnrolmentProblem.LedgerUnreachable, "The identity could not be declared on the ledger.", e);
        }
    }

    private async Task VerifyAsCheckInAsync(ICardTransport transport, string address, string serial, IProgress<EnrolmentStep>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(EnrolmentStep.VerifyingCheckIn);
        using var reader = new PatientCardReader(transport, keys, station with { Role = StationRole.CheckIn }, pinLimiter, time, revocations);
        var read = await reader.ReadForCheckInAsync(cancellationToken);
        if (read.Identity.Address != address || read.Info.SerialText != serial)
        {
            throw new EnrolmentException(EnrolmentProblem.Failed, "The card read back as a check-in does not carry the identity just written.");
        }
    }

    private async Task ShelveSimulatedCardAsync(EnrolmentResult result, CancellationToken cancellationToken)
    {
        if (simulated?.Tapped is not { } tapped)
        {
            return;
        }

        // The demo's blank card becomes the patient's card; a fresh blank card takes its place for the next enrolment.
        var id = tapped.Id == DemoSeeder.BlankCardId ? "issued-" + result.Serial[^6..].ToLowerInvariant() : tapped.Id;
        await simulated.KeepIssuedCardAsync(id, $"{result.MaskedName} (card issued here)", () => CardImage.NewBlank(DesfireStorageSize.EightKilobytes), cancellationToken);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static Progress Forward(IProgress<EnrolmentStep>? progress) => new(progress);

    private sealed class Progress(IProgress<EnrolmentStep>? target) : IProgress<PersonalizationStep>
    {
        public void Report(PersonalizationStep value)
        {
            if (target is not null && Enum.TryParse<EnrolmentStep>(value.ToString(), out var step))
            {
                target.Report(step);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(500, LogLevel.Information, "Patient card issued: serial ending {SerialTail}, RSA {RsaBits}, restarted {Restarted}, {ElapsedMs} ms")]
        public static partial void Enrolled(ILogger logger, string serialTail, int rsaBits, bool restarted, long elapsedMs);

        [LoggerMessage(501, LogLevel.Information, "Patient card re-issued: serial ending {SerialTail}, replaced card ending {OldSerialTail} revoked")]
        public static partial void Reissued(ILogger logger, string serialTail, string oldSerialTail);

        [LoggerMessage(502, LogLevel.Warning, "Enrolment stopped ({Problem}): {Reason} {CardError}")]
        public static partial void Stopped(ILogger logger, EnrolmentProblem problem, string reason, string cardError);

        [LoggerMessage(503, LogLevel.Warning, "Ledger unreachable during enrolment: {Reason}")]
        public static partial void LedgerUnreachable(ILogger logger, string reason);

        [LoggerMessage(504, LogLevel.Warning, "An undeclared card could not be formatted back: {Reason}")]
        public static partial void UndoFailed(ILogger logger, string reason);

        [LoggerMessage(505, LogLevel.Warning, "A patient backup could not be read: {Reason}")]
        public static partial void BackupUnreadable(ILogger logger, string reason);
    }
}
