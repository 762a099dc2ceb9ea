namespace MedBlocks.Kiosk.Enrolment;

/// <summary>An enrolment or re-issue stopped for <see cref="Problem"/>; nothing was declared issued.</summary>
public sealed class EnrolmentException : Exception
{
    public EnrolmentException()
    {
    }

    public EnrolmentException(string message)
        : base(message)
    {
    }

    public EnrolmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EnrolmentException(EnrolmentProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public EnrolmentProblem Problem { get; } = EnrolmentProblem.Failed;
}
