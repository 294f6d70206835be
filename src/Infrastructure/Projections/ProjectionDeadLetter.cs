using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Projections;

/// <summary>An event a projection could not apply in live mode, kept for inspection and re-drive.</summary>
public sealed record ProjectionDeadLetter(
    Guid Id,
    string Projection,
    int Generation,
    string TenantId,
    Guid EventId,
    string EventType,
    string StreamId,
    LogPosition Position,
    string Error,
    int Attempts,
    DateTimeOffset FailedAt,
    DateTimeOffset? RedrivenAt);
