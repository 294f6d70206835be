namespace Reference.Infrastructure.Projections;

/// <summary>
/// The oldest write transaction still open in the write side's database: projections cannot read past it, so
/// every event committed after it began waits (ADR 0003). <see cref="HeldBackEvents"/> counts those already
/// committed (up to <see cref="PostgresHorizonProbe.HeldBackCountLimit"/>). <see cref="UserName"/> and
/// <see cref="ClientAddress"/> go to the log only, never to the anonymous readiness endpoint.
/// </summary>
public sealed record OpenWriteTransaction(
    int ProcessId,
    string State,
    string? ApplicationName,
    string? UserName,
    string? ClientAddress,
    TimeSpan Age,
    long TransactionId,
    long HeldBackEvents);
