using System.Globalization;

namespace Reference.CacheBenchmarks;

/// <summary>What one timed cell saw: every latency (sorted), the errors and the wall-clock time.</summary>
public sealed record CellSample(IReadOnlyList<TimeSpan> Latencies, int Errors, bool RanOutOfWork, TimeSpan Elapsed)
{
    public double Throughput => Latencies.Count / Elapsed.TotalSeconds;

    public TimeSpan P50 => Percentile(0.50);

    public TimeSpan P99 => Percentile(0.99);

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Latencies.Count,9} calls {Errors,5} errors {Throughput,11:N0} ops/s  p50 {Micros(P50),8:N1} µs  p99 {Micros(P99),9:N1} µs{(RanOutOfWork ? "  (ran out of pre-written keys before the deadline)" : "")}");

    public static double Micros(TimeSpan value) => value.Ticks / 10.0;

    private TimeSpan Percentile(double percentile) =>
        Latencies.Count == 0 ? TimeSpan.Zero : Latencies[Math.Min(Latencies.Count - 1, (int)Math.Ceiling(percentile * Latencies.Count) - 1)];
}
