using System.Diagnostics.Metrics;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Mediator metrics on the <c>Reference.Pipeline</c> meter: one duration histogram per message, tagged with its name,
/// its kind (command or query) and its outcome (succeeded, rejected with an expected failure, or faulted with an exception).
/// The histogram's count is the message count, so no separate counter is kept.
/// </summary>
public sealed class MessageMetrics : IDisposable
{
    public const string MeterName = PipelineTelemetry.SourceName;
    public const string Duration = "reference.mediator.message.duration";

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;

    public MessageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _duration = _meter.CreateHistogram<double>(Duration, "s", "Time the mediator pipeline took for one command or query, behaviours included.");
    }

    public void Record(string message, string kind, string outcome, TimeSpan elapsed) =>
        _duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("reference.message.name", message),
            new KeyValuePair<string, object?>("reference.message.kind", kind),
            new KeyValuePair<string, object?>("reference.message.outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
