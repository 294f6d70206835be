using System.Diagnostics.Metrics;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Outbox metrics on the <c>Reference.Messaging</c> meter: messages delivered to the broker, failed attempts, and
/// messages dead-lettered after their last attempt (anything above zero needs an operator: docs/observability.md).
/// </summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "Reference.Messaging";
    public const string Delivered = "reference.outbox.delivered";
    public const string Failures = "reference.outbox.failures";
    public const string DeadLetters = "reference.outbox.dead_letters";

    private readonly Meter _meter;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _deadLetters;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _delivered = _meter.CreateCounter<long>(Delivered, "{message}", "Outbox messages published to the broker.");
        _failures = _meter.CreateCounter<long>(Failures, "{message}", "Failed attempts to publish an outbox message (each is retried or dead-lettered).");
        _deadLetters = _meter.CreateCounter<long>(DeadLetters, "{message}", "Outbox messages dead-lettered after their last attempt.");
    }

    public void Published(string destination) => _delivered.Add(1, new KeyValuePair<string, object?>("destination", destination));

    public void Failed(string destination, bool deadLettered)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("destination", destination));
        if (deadLettered)
        {
            _deadLetters.Add(1, new KeyValuePair<string, object?>("destination", destination));
        }
    }

    public void Dispose() => _meter.Dispose();
}
