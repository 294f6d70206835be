using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Observability;

/// <summary>
/// The app with OpenTelemetry's in-memory exporter beside Prometheus: <see cref="Points"/> flushes the meter provider
/// and answers what it exported. The provider listens to meters by name, so parallel hosts' measurements can show up
/// too: tests look for what only they caused.
/// </summary>
public class MeteredApiFactory : ReferenceApiFactory
{
    private readonly List<Metric> _exported = [];
    private readonly BaseExportingMetricReader _reader;

    public MeteredApiFactory() => _reader = new BaseExportingMetricReader(new InMemoryExporter<Metric>(_exported));

    /// <summary>Every point of <paramref name="name"/> exported by a flush now: its tags, its sum or value, its count.</summary>
    public IReadOnlyList<ExportedPoint> Points(string name)
    {
        _ = Services;
        lock (_exported)
        {
            _exported.Clear();
            Assert.True(_reader.Collect(10_000), "The in-memory reader did not collect.");
            return [.. _exported.Where(m => m.Name == name).SelectMany(m => Read(m))];
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(_reader));

    // A metric's points are a struct enumerator over the reader's buffers: read them out while they hold this collection's values.
    private static List<ExportedPoint> Read(Metric metric)
    {
        var points = new List<ExportedPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(ExportedPoint.Of(metric, point));
        }

        return points;
    }

    public sealed record ExportedPoint(string Unit, IReadOnlyDictionary<string, string?> Tags, double Value, long Count)
    {
        public static ExportedPoint Of(Metric metric, in MetricPoint point)
        {
            var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value?.ToString();
            }

            var (value, count) = metric.MetricType switch
            {
                MetricType.Histogram => (point.GetHistogramSum(), point.GetHistogramCount()),
                MetricType.LongSum or MetricType.LongSumNonMonotonic => (point.GetSumLong(), 1L),
                MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => (point.GetSumDouble(), 1L),
                MetricType.LongGauge => (point.GetGaugeLastValueLong(), 1L),
                _ => (point.GetGaugeLastValueDouble(), 1L),
            };
            return new ExportedPoint(metric.Unit, tags, value, count);
        }
    }
}
