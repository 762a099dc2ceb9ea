using MedBlocks.Kiosk.Cards;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>A card arrived at an enrolment station; it is not read as a check-in (a blank card has nothing to read).</summary>
public sealed record CardArrivedForEnrolment(string ReaderName, DateTimeOffset CardEventTime) : ScreenEvent(CardEventTime);
