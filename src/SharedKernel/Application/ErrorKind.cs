namespace Reference.SharedKernel.Application;

/// <summary>The expected failures a use case can report. Each maps to one HTTP status and problem type.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,

    /// <summary>The resource to create exists already (a duplicate id); retrying will not help.</summary>
    AlreadyExists,
    Forbidden,
    RuleViolated,

    /// <summary>A read model has not caught up with a change the caller asked to see; retrying shortly succeeds.</summary>
    NotYetConsistent,

    /// <summary>A dependency the operation needs is down (the audit trail, fail closed); nothing was done and retrying later is safe.</summary>
    Unavailable,
}
