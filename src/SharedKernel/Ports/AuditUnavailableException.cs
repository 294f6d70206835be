namespace Reference.SharedKernel.Ports;

/// <summary>
/// The audit store could not be written and the policy is fail closed, so the message fails with it
/// (the HTTP edge answers 503 <c>audit-unavailable</c>). The store's own error is the inner exception.
/// </summary>
public sealed class AuditUnavailableException(string action, Exception innerException)
    : Exception($"The audit record for {action} could not be written, so the operation was not performed.", innerException)
{
    public string Action { get; } = action;
}
