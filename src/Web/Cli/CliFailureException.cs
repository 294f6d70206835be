namespace Reference.Web.Cli;

/// <summary>A command that could not do its work: the message goes to stderr and the exit code is 1.</summary>
public sealed class CliFailureException : Exception
{
    public CliFailureException()
    {
    }

    public CliFailureException(string message)
        : base(message)
    {
    }

    public CliFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
