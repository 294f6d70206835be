using System.Diagnostics.Metrics;

namespace Reference.Infrastructure.FeatureFlags;

/// <summary>Flag metrics on the <c>Reference.FeatureFlags</c> meter: evaluations by flag and result (OpenTelemetry's <c>feature_flag.*</c> attribute names).</summary>
public sealed class FeatureFlagsMetrics : IDisposable
{
    public const string MeterName = "Reference.FeatureFlags";
    public const string Evaluations = "reference.feature_flag.evaluations";

    private readonly Meter _meter;
    private readonly Counter<long> _evaluations;

    public FeatureFlagsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _evaluations = _meter.CreateCounter<long>(Evaluations, "{evaluation}", "Feature flag evaluations, by flag and result.");
    }

    public void Evaluated(string feature, bool enabled) =>
        _evaluations.Add(
            1,
            new KeyValuePair<string, object?>("feature_flag.key", feature),
            new KeyValuePair<string, object?>("feature_flag.result.value", enabled ? "true" : "false"));

    public void Dispose() => _meter.Dispose();
}
