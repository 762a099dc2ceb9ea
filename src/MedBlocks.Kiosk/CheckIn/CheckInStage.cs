namespace MedBlocks.Kiosk.CheckIn;

public enum CheckInStage
{
    Idle,
    Greeting,
    Ticket,
    Problem,
}
