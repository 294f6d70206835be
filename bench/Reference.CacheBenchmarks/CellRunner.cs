using System.Diagnostics;

namespace Reference.CacheBenchmarks;

/// <summary>What one call of a cell did.</summary>
public enum Outcome
{
    Ok,
    Error,

    /// <summary>The cell has no more work (its pre-written keys are used up): the worker stops.</summary>
    Exhausted,
}

/// <summary>
/// Closed-loop load: <c>workers</c> tasks each make one call at a time until the duration has passed. Every latency is
/// kept, so percentiles are exact. A call that throws counts as an error, as one that reports <see cref="Outcome.Error"/>.
/// </summary>
public static class CellRunner
{
    public static async Task<CellSample> RunAsync(int workers, TimeSpan duration, Func<int, Task<Outcome>> call)
    {
        var latencies = new List<TimeSpan>[workers];
        var errors = 0;
        var exhausted = 0;
        var total = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                Outcome outcome;
                try
                {
                    outcome = await call(worker);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        await Console.Error.WriteLineAsync($"first error: {error.GetType().Name}: {error.Message}");
                    }

                    continue;
                }

                if (outcome == Outcome.Exhausted)
                {
                    Interlocked.Increment(ref exhausted);
                    return;
                }

                mine.Add(Stopwatch.GetElapsedTime(started));
                if (outcome == Outcome.Error)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));

        total.Stop();
        return new CellSample([.. latencies.SelectMany(l => l).Order()], errors, exhausted > 0, total.Elapsed);
    }
}
