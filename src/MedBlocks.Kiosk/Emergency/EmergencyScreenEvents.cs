using MedBlocks.Kiosk.Cards;

namespace MedBlocks.Kiosk.Emergency;

/// <summary>A card was tapped at a paramedic station with no one signed in: nothing was read for the screen.</summary>
public sealed record EmergencySignInRequired(DateTimeOffset CardEventTime) : ScreenEvent(CardEventTime);

/// <summary>A staff card was tapped while someone is signed in: its holder's own summary is not shown as a patient's.</summary>
public sealed record StaffCardTapped(DateTimeOffset CardEventTime) : ScreenEvent(CardEventTime);

/// <summary>
/// The online part of an emergency tap: the patient's emergency-tagged records as the signed-in
/// member of staff could read them. <see cref="CardSerial"/> and <see cref="ScreenEvent.CardEventTime"/>
/// are the tap's, so a screen pairs it with the summary it belongs to.
/// </summary>
public sealed record EmergencyRecordsRead(string CardSerial, DateTimeOffset CardEventTime, EmergencyRecordList Records) : ScreenEvent(CardEventTime);
