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
    ILogger<EmergencyTapReader> logger)
{
    public async Task<ScreenEvent> ReadAsync(ICardTransport transport, DateTimeOffset tapTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (staff.Current is null)
        {
            return new EmergencySignInRequired(tapTime);
        }

        // No revocation check: a lost card found on a patient still carries that patient's summary.
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
        return new EmergencySummaryRead(emergency.Summary, emergency.Info.SerialText, tapTime, identity?.Address);
    }

    private static partial class Log
    {
        [LoggerMessage(610, LogLevel.Warning, "Emergency tap: the identity file could not be read ({Reason}); summary shown, online records unavailable")]
        public static partial void IdentityUnread(ILogger logger, string reason);
    }
}
