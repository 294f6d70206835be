using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Projections;

/// <summary>A rebuild stops at the first event it cannot apply: a new generation must be complete to serve.</summary>
public sealed class ProjectionRebuildFailedException(string projection, int generation, LogPosition position, string eventType, Exception inner)
    : Exception($"Rebuild of '{projection}' generation {generation} failed at {position} ({eventType}): {inner.Message}", inner)
{
    public string Projection { get; } = projection;

    public int Generation { get; } = generation;

    public LogPosition Position { get; } = position;
}
