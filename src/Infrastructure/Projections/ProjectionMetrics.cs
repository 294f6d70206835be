using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Projection metrics on the <c>Reference.Projections</c> meter, exported by OpenTelemetry:
/// events applied, dead letters, unrecognized events skipped, per-projection lag in events and seconds, and what
/// holds the horizon back: the age of the oldest open write transaction and the committed events waiting behind it.
/// </summary>
public sealed class ProjectionMetrics : IDisposable
{
    public const string MeterName = "Reference.Projections";

    private readonly Meter _meter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _unrecognized;
    private readonly ConcurrentDictionary<string, Lag> _lag = new(StringComparer.Ordinal);
    private Horizon? _horizon;

    public ProjectionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _events = _meter.CreateCounter<long>("reference.projection.events", "{event}", "Events applied by projections.");
        _deadLetters = _meter.CreateCounter<long>("reference.projection.dead_letters", "{event}", "Events a projection dead-lettered.");
        _unrecognized = _meter.CreateCounter<long>(
            "reference.projection.unrecognized_events", "{event}", "Events of types this version does not know, skipped by projections.");
        _meter.CreateObservableGauge("reference.projection.lag.events", () => Observe(l => l.Events), "{event}", "Events read but not yet applied at the last batch.");
        _meter.CreateObservableGauge("reference.projection.lag.seconds", () => Observe(l => l.Seconds), "s", "Age of the oldest event not yet applied.");
        _meter.CreateObservableGauge(
            "reference.projection.horizon.blocked_seconds",
            () => ObserveHorizon(h => h.BlockedSeconds),
            "s",
            "Age of the oldest write transaction open in the database: projections read no event committed after it began until it ends.");
        _meter.CreateObservableGauge(
            "reference.projection.horizon.held_events",
            () => ObserveHorizon(h => h.HeldEvents),
            "{event}",
            "Committed events projections cannot read yet because an older write transaction is still open.");
    }

    public void Applied(string projection, int count) =>
        _events.Add(count, new KeyValuePair<string, object?>("projection", projection));

    public void DeadLettered(string projection) =>
        _deadLetters.Add(1, new KeyValuePair<string, object?>("projection", projection));

    public void SkippedUnrecognized(string projection, int count) =>
        _unrecognized.Add(count, new KeyValuePair<string, object?>("projection", projection));

    public void RecordLag(string projection, long events, double seconds) => _lag[projection] = new Lag(events, seconds);

    /// <summary>What the horizon watch saw last: the oldest open write transaction's age (0 when none) and the events behind it.</summary>
    public void RecordHorizon(double blockedSeconds, long heldEvents) => _horizon = new Horizon(blockedSeconds, heldEvents);

    /// <summary>The last lag recorded for <paramref name="projection"/>, for the status endpoint.</summary>
    public (long Events, double Seconds) LagOf(string projection) =>
        _lag.TryGetValue(projection, out var lag) ? (lag.Events, lag.Seconds) : (0, 0);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Observe(Func<Lag, double> value) =>
        _lag.Select(entry => new Measurement<double>(value(entry.Value), new KeyValuePair<string, object?>("projection", entry.Key)));

    private IEnumerable<Measurement<double>> ObserveHorizon(Func<Horizon, double> value) =>
        _horizon is { } horizon ? [new Measurement<double>(value(horizon))] : [];

    private sealed record Lag(long Events, double Seconds);

    private sealed record Horizon(double BlockedSeconds, long HeldEvents);
}
