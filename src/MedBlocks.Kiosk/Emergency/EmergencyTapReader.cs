using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Staff;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Kiosk.Emergency;

/// <summary>
/// A tap at a paramedic station. Nothing is read for the screen while no one is signed in (the
/// sign-in panel then reads whose card it is). Signed in: the emergency summary with K3 (logged on the
/// card), then the identity with K2 (logged too) for the patient's ledger address, which the online
/// records need and K3 cannot read; a staff card's own summary is never shown as a patient's. When the
/// identity does not read (damaged file, or a station without the read key), the summary still shows
/// and the online records are reported unavailable.
/// </summary>
public sealed partial class EmergencyTapReader(
    IKeyProvider keys,
    StationIdentity station,
    PinAttemptLimiter pinLimiter,
    StationStaff staff,
    TimeProvider time,
    ILogger<EmergencyTapReader> logger,
    ICardRevocationCheck? revocations = null)
{
    private static readonly TimeSpan RevocationTimeout = TimeSpan.FromSeconds(2);

    public async Task<ScreenEvent> ReadAsync(ICardTransport transport, DateTimeOffset tapTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (staff.Current is null)
        {
            return new EmergencySignInRequired(tapTime);
        }

        // The revocation check does not refuse the card here: a lost card found on a patient still carries
        // that patient's summary. The screen warns instead (see RevocationAsync).
        using var reader = new PatientCardReader(transport, keys, station, pinLimiter, time);
        var emergency = await reader.ReadForEmergencyAsync(cancellationToken);
        CardIdentity? identity = null;
        try
        {
            identity = (await reader.ReadForCheckInAsync(cancellationToken)).Identity;
        }
        catch (PatientCardException e) when (e.Error is PatientCardError.CorruptContent or PatientCardError.ForeignNetwork)
        {
            Log.IdentityUnread(logger, e.Error.ToString());
        }
        catch (MissingMasterKeyException)
        {
            Log.IdentityUnread(logger, "no read key at this station");
        }

        if (identity is not null && identity.Role.IsStaff())
        {
            return new StaffCardTapped(tapTime);
        }

        staff.Touch();
        var revoked = identity is null ? null : await RevocationAsync(identity, cancellationToken);
        return new EmergencySummaryRead(emergency.Summary, emergency.Info.SerialText, tapTime, identity?.Address, revoked);
    }

    /// <summary>
    /// Whether the ledger names this card revoked; never holds the summary back: an unreachable or slow
    /// ledger answers "not known" after <see cref="RevocationTimeout"/>.
    /// </summary>
    private async Task<MedBlocks.Core.Ledger.CardRevocationReason?> RevocationAsync(CardIdentity identity, CancellationToken cancellationToken)
    {
        if (revocations is null)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RevocationTimeout);
        try
        {
            var reason = await revocations.GetRevocationAsync(identity.Address, identity.Serial, timeout.Token);
            if (reason is not null)
            {
                Log.RevokedCard(logger, identity.Serial[^4..]);
            }

            return reason;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.RevocationUnknown(logger, e.GetType().Name);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(611, LogLevel.Warning, "Emergency tap: card ending {SerialTail} is revoked on the ledger; summary shown with a warning")]
        public static partial void RevokedCard(ILogger logger, string serialTail);

        [LoggerMessage(612, LogLevel.Warning, "Emergency tap: revocation not known, the ledger did not answer ({Reason})")]
        public static partial void RevocationUnknown(ILogger logger, string reason);

        [LoggerMessage(610, LogLevel.Warning, "Emergency tap: the identity file could not be read ({Reason}); summary shown, online records unavailable")]
        public static partial void IdentityUnread(ILogger logger, string reason);
    }
}
