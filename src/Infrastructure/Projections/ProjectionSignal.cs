using Reference.SharedKernel.Projections;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Wakes projection workers when new events may be in the log: raised in-process after a commit
/// and by the PostgreSQL NOTIFY listener for commits on other nodes. Waiters also time out on the
/// fallback poll interval, so a lost signal only costs latency.
/// </summary>
public sealed class ProjectionSignal : AsyncSignal;
