using System.Diagnostics.Metrics;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// Audit metrics on the <c>Reference.Audit</c> meter: records lost because the store failed while the policy
/// was fail open. Anything above zero means the trail has holes; alert on it.
/// </summary>
public sealed class AuditMetrics : IDisposable
{
    public const string MeterName = "Reference.Audit";
    public const string RecordsLost = "reference.audit.records_lost";

    private readonly Meter _meter;
    private readonly Counter<long> _lost;

    public AuditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _lost = _meter.CreateCounter<long>(RecordsLost, "{record}", "Audit records not written because the audit store failed (fail open).");
    }

    public void Lost(string action, AuditOutcome outcome) =>
        _lost.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void Dispose() => _meter.Dispose();
}
