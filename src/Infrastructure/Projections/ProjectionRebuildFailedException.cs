using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// A rebuild stops at the first event it cannot read or apply: a new generation must be complete to serve. The
/// message, which the checkpoint keeps as its last error, names the event's position and type.
/// </summary>
public sealed class ProjectionRebuildFailedException(string projection, int generation, LogPosition position, string eventType, Exception inner)
    : Exception(
        $"Rebuild of '{projection}' generation {generation} failed at position {position.Position} " +
        $"(transaction {position.TransactionId}), event type '{eventType}': {inner.Message}",
        inner)
{
    public string Projection { get; } = projection;

    public int Generation { get; } = generation;

    public LogPosition Position { get; } = position;

    public string EventType { get; } = eventType;
}
