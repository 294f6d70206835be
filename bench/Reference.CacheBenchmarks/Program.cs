using System.Globalization;
using Reference.SharedKernel.Tenancy;
using Reference.TestSupport.Postgres;

namespace Reference.CacheBenchmarks;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/Reference.CacheBenchmarks -- [seconds per cell]</c>.
/// Cache hits through <c>ICache.GetOrCreateAsync</c> (Memory L1, Redis L1, Redis L2) and lock acquire + release
/// through <c>IDistributedLock</c> (Memory, Redis, Postgres), all measured in one run, each cell after an untimed
/// warm-up, contenders of a scenario one after the other. Redis comes from <c>REFERENCE_BENCH_REDIS</c> or a throwaway
/// <c>redis-server</c>; PostgreSQL from <c>REFERENCE_TEST_POSTGRES</c> or the throwaway test cluster.
/// A run in which any contender had an error is void: no ratio is printed and the exit code is 1.
/// </summary>
public static class CacheBenchmarks
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PassWarmUp = TimeSpan.FromSeconds(1);

    public static async Task<int> Main(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var duration = TimeSpan.FromSeconds(Math.Clamp(seconds, 0.5, 120));
        var tenants = new AmbientTenantContext();
        using var tenant = tenants.BeginScope("bench");

        await using var redis = await BenchRedis.StartAsync();
        var postgresServer = PostgresServer.Instance;
        var postgres = await postgresServer.CreateDatabaseAsync("bench");
        Console.WriteLine($"Redis: {redis.Description}");
        Console.WriteLine($"PostgreSQL: {await postgresServer.DescribeAsync()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {duration.TotalSeconds:0.#} s per cell after {WarmUp.TotalSeconds:0.#} s warm-up"));
        try
        {
            var rows = new List<Row>();
            var warmUpErrors = 0;
            await using (var cache = new CacheCells(tenants, redis.ConnectionString))
            {
                await cache.StartAsync();

                // One untimed pass of every hit path first, so the first timed cell does not run on unoptimized code.
                warmUpErrors += await WarmUpPassAsync("cache Memory L1 hit", worker => cache.L1HitAsync(cache.Memory, worker));
                warmUpErrors += await WarmUpPassAsync("cache Redis L1 hit", worker => cache.L1HitAsync(cache.RedisWriter, worker));
                var firstPass = await cache.WriteForL2Async(5_000, 8);
                warmUpErrors += await WarmUpPassAsync("cache Redis L2 hit", _ => cache.L2HitAsync(firstPass));
                foreach (var workers in new[] { 1, 8 })
                {
                    var scenario = $"{workers} worker{(workers == 1 ? "" : "s")}";
                    var memory = await MeasureAsync("cache", scenario, "Memory L1 hit", workers, duration, (_, call) => cache.L1HitAsync(cache.Memory, call));
                    rows.Add(memory with { Baseline = memory.Sample });
                    rows.Add(await MeasureAsync("cache", scenario, "Redis L1 hit", workers, duration, (_, call) => cache.L1HitAsync(cache.RedisWriter, call)) with { Baseline = memory.Sample });
                    rows.Add(await MeasureL2Async(cache, scenario, workers, duration) with { Baseline = memory.Sample });
                }
            }

            await using (var locks = new LockCells(tenants, redis.ConnectionString, postgres))
            {
                locks.Start();
                foreach (var (name, provider) in locks.Providers)
                {
                    warmUpErrors += await WarmUpPassAsync($"locks {name}", worker => LockCells.AcquireReleaseAsync(provider, worker, shared: false));
                }

                foreach (var (workers, shared) in new[] { (1, false), (8, false), (8, true) })
                {
                    var scenario = shared ? $"{workers} workers, one shared resource" : workers == 1 ? "1 worker" : $"{workers} workers, a resource each";
                    Row? memory = null;
                    foreach (var (name, provider) in locks.Providers)
                    {
                        var row = await MeasureAsync("locks", scenario, name, workers, duration, (worker, _) => LockCells.AcquireReleaseAsync(provider, worker, shared));
                        memory ??= row;
                        rows.Add(row with { Baseline = memory.Sample });
                    }
                }
            }

            return Report(rows, warmUpErrors);
        }
        finally
        {
            await postgresServer.DropDatabaseAsync(postgres);
        }
    }

    /// <summary>8 workers for a second, untimed; its errors still void the run (a failure at first use is a failure).</summary>
    private static async Task<int> WarmUpPassAsync(string contender, Func<int, Task<Outcome>> call)
    {
        var pass = await CellRunner.RunAsync(8, PassWarmUp, call);
        if (pass.Errors > 0)
        {
            Console.WriteLine($"warm-up pass of {contender}: {pass.Errors} errors");
        }

        return pass.Errors;
    }

    private static async Task<Row> MeasureAsync(string section, string scenario, string contender, int workers, TimeSpan duration, Func<int, int, Task<Outcome>> call)
    {
        var calls = -1;
        Task<Outcome> Next(int worker) => call(worker, Interlocked.Increment(ref calls) & int.MaxValue);
        var warmUp = await CellRunner.RunAsync(workers, WarmUp, Next);
        var sample = await CellRunner.RunAsync(workers, duration, Next);
        sample = sample with { Errors = sample.Errors + warmUp.Errors };
        Console.WriteLine($"{section,-6} {scenario,-34} {contender,-14} {sample.Describe()}");
        return new Row(section, scenario, contender, sample, sample);
    }

    /// <summary>
    /// Every measured call reads an entry the reader node has never read: the writer node stored it (L1 of the writer
    /// and Redis), so the reader misses its L1 and is served from Redis. The warm-up reads a first batch and tells how
    /// many entries the timed cell needs; twice that is written before it.
    /// </summary>
    private static async Task<Row> MeasureL2Async(CacheCells cache, string scenario, int workers, TimeSpan duration)
    {
        var warmUpKeys = await cache.WriteForL2Async(5_000, 8);
        var warmUp = await CellRunner.RunAsync(workers, WarmUp, _ => cache.L2HitAsync(warmUpKeys));
        var needed = (int)Math.Min(2_000_000, (warmUp.Throughput * duration.TotalSeconds * 2) + 1_000);
        var keys = await cache.WriteForL2Async(needed, 8);

        // The writer's backplane messages (evictions for keys the reader does not hold) settle before the clock starts.
        await Task.Delay(500);
        var sample = await CellRunner.RunAsync(workers, duration, _ => cache.L2HitAsync(keys));
        var errors = sample.Errors + warmUp.Errors;
        sample = sample with { Errors = errors };
        Console.WriteLine($"{"cache",-6} {scenario,-34} {"Redis L2 hit",-14} {sample.Describe()}  ({needed:N0} entries written for it)");
        return new Row("cache", scenario, "Redis L2 hit", sample, sample);
    }

    private static int Report(List<Row> rows, int warmUpErrors)
    {
        var errors = rows.Sum(row => row.Sample.Errors) + warmUpErrors;
        foreach (var section in new[] { "cache", "locks" })
        {
            Console.WriteLine();
            Console.WriteLine(section == "cache"
                ? "| cache hit (ICache.GetOrCreateAsync) | workers | ops/s | p50 µs | p99 µs | ops/s ÷ Memory L1 | p50 ÷ Memory L1 | p99 ÷ Memory L1 |"
                : "| lock acquire + release (IDistributedLock) | workers | ops/s | p50 µs | p99 µs | ops/s ÷ Memory | p50 ÷ Memory | p99 ÷ Memory |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows.Where(r => r.Section == section))
            {
                var (s, b) = (row.Sample, row.Baseline);
                var ratios = errors == 0
                    ? $"{Ratio(s.Throughput / b.Throughput)} | {Ratio(s.P50 / b.P50)} | {Ratio(s.P99 / b.P99)}"
                    : "no ratio | no ratio | no ratio";
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {row.Contender} | {row.Scenario} | {s.Throughput:N0} | {CellSample.Micros(s.P50):N1} | {CellSample.Micros(s.P99):N1} | {ratios} |"));
            }
        }

        if (errors > 0)
        {
            // A contender that failed calls measured something else; comparing it would mislead.
            var failed = rows.Where(r => r.Sample.Errors > 0).Select(r => $"{r.Section} {r.Contender} {r.Scenario}: {r.Sample.Errors}")
                .Prepend(warmUpErrors > 0 ? $"warm-up passes: {warmUpErrors}" : null).OfType<string>();
            Console.Error.WriteLine($"The run is void: {errors} calls failed ({string.Join(", ", failed)}); no ratio is printed.");
            return 1;
        }

        return 0;
    }

    // Against the memory lock a provider's ratio is a few thousandths: enough digits to tell Redis from PostgreSQL.
    private static string Ratio(double ratio) => ratio.ToString(ratio < 0.1 ? "0.0000" : ratio < 100 ? "0.00" : "N0", CultureInfo.InvariantCulture);

    private sealed record Row(string Section, string Scenario, string Contender, CellSample Sample, CellSample Baseline);
}
