namespace Reference.SharedKernel.Application;

/// <summary>The expected failures a use case can report. Each maps to one HTTP status and problem type.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    PreconditionFailed,
    Forbidden,
    Unauthorized,
    RuleViolated,
}
