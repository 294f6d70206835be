namespace Reference.SharedKernel.Domain;

/// <summary>
/// Thrown by an aggregate when a command would break one of its invariants. The code is stable
/// (clients may switch on it); the web layer maps it to 422 Unprocessable Content.
/// </summary>
public sealed class BusinessRuleViolationException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
