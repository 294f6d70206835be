namespace Reference.SharedKernel.Application;

/// <summary>
/// Ambient correlation and causation ids. The correlation id ties together everything one request
/// set in motion; the causation id names the message that directly caused the current work.
/// </summary>
public interface ICorrelationContext
{
    string CorrelationId { get; }

    string? CausationId { get; }

    IDisposable BeginScope(string correlationId, string? causationId = null);
}
