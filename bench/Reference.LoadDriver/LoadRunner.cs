using System.Diagnostics;

namespace Reference.LoadDriver;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each send one request at a time until the duration
/// has passed. Every latency is kept, so percentiles are exact, not estimated.
/// </summary>
public sealed class LoadRunner(int concurrency)
{
    public async Task<LoadSample> RunAsync(Func<Task<bool>> request, TimeSpan duration)
    {
        var latencies = new List<TimeSpan>[concurrency];
        var errors = 0;
        var total = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await request())
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started));
            }
        }));

        total.Stop();
        return new LoadSample([.. latencies.SelectMany(l => l)], errors, total.Elapsed);
    }
}

/// <summary>What one timed run saw: every latency, the failures and the wall-clock time.</summary>
public sealed record LoadSample(IReadOnlyList<TimeSpan> Latencies, int Errors, TimeSpan Elapsed)
{
    public double Throughput => Latencies.Count / Elapsed.TotalSeconds;
}

public sealed record LoadResult(string Name, int Requests, int Errors, double Throughput, TimeSpan P50, TimeSpan P99)
{
    /// <summary>Merges runs of one contender: throughput over their summed time, percentiles over all latencies.</summary>
    public static LoadResult Of(string name, IReadOnlyList<LoadSample> samples)
    {
        var all = samples.SelectMany(s => s.Latencies).Order().ToArray();
        var seconds = samples.Sum(s => s.Elapsed.TotalSeconds);
        return new LoadResult(name, all.Length, samples.Sum(s => s.Errors), all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double percentile) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile * sorted.Length) - 1)];

    public const string Header = "run        requests  errors   req/s    p50 ms   p99 ms";

    public string Row => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Name,-10} {Requests,8} {Errors,7} {Throughput,8:0} {P50.TotalMilliseconds,8:0.00} {P99.TotalMilliseconds,8:0.00}");
}
