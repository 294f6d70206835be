namespace Reference.SharedKernel.Application;

/// <summary>
/// <see cref="ICorrelationContext"/> on <see cref="AsyncLocal{T}"/>. Outside any scope a fresh
/// correlation id is created once per logical flow, so every record still carries one.
/// </summary>
public sealed class AmbientCorrelationContext : ICorrelationContext
{
    private static readonly AsyncLocal<Ids?> Current = new();

    public string CorrelationId => (Current.Value ??= new Ids(Guid.NewGuid().ToString("N"), null)).CorrelationId;

    public string? CausationId => Current.Value?.CausationId;

    public IDisposable BeginScope(string correlationId, string? causationId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);
        var previous = Current.Value;
        Current.Value = new Ids(correlationId, causationId);
        return new Restore(previous);
    }

    private sealed record Ids(string CorrelationId, string? CausationId);

    private sealed class Restore(Ids? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
