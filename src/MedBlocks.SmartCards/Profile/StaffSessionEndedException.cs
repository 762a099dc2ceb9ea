namespace MedBlocks.SmartCards.Profile;

/// <summary>The staff session was signed out or outlived its lifetime: its keys are gone; sign in again with the card.</summary>
public sealed class StaffSessionEndedException : Exception
{
    public StaffSessionEndedException()
        : base("The staff session has ended; sign in again with your card.")
    {
    }

    public StaffSessionEndedException(string message)
        : base(message)
    {
    }

    public StaffSessionEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
