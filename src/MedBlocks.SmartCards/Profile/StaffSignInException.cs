namespace MedBlocks.SmartCards.Profile;

/// <summary>A card read fine but signs nobody in here; <see cref="Error"/> says why.</summary>
public sealed class StaffSignInException : Exception
{
    public StaffSignInException()
    {
    }

    public StaffSignInException(string message)
        : base(message)
    {
    }

    public StaffSignInException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StaffSignInException(StaffSignInError error, string message)
        : base(message)
    {
        Error = error;
    }

    public StaffSignInError Error { get; }
}
