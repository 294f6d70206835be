using System.Globalization;
using Reference.TestSupport.Postgres;

namespace Reference.LoadDriver;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/Reference.LoadDriver -- [seconds per run] [concurrency] [rounds] [tenants] [--durable] [--customers]</c>.
/// <c>--customers</c> measures <c>GET /api/customers/{id}</c> cached against uncached instead (<see cref="CustomerReads"/>).
/// Each round runs the pipeline, then the baseline; alternating them in several rounds spreads the drift of a
/// shared machine over both. PostgreSQL comes from <c>REFERENCE_TEST_POSTGRES</c> or a throwaway local cluster
/// (see tests/Reference.TestSupport/Postgres); <c>--durable</c> runs on a cluster the driver started itself with
/// fsync and synchronous commits on, as a production server has them.
/// A run in which either contender had an error is void: no ratio is printed and the exit code is 1.
/// </summary>
public static class LoadDriver
{
    public static async Task<int> Main(string[] args)
    {
        var durable = args.Contains("--durable", StringComparer.Ordinal);
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var seconds = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 10;
        var concurrency = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 16;
        var rounds = numbers.Length > 2 ? Math.Clamp(int.Parse(numbers[2], CultureInfo.InvariantCulture), 1, 20) : 1;
        var tenants = numbers.Length > 3 ? Math.Clamp(int.Parse(numbers[3], CultureInfo.InvariantCulture), 1, 64) : 1;
        var duration = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 120));

        var connectionString = await BenchDatabase.CreateAsync(durable);
        try
        {
            if (args.Contains("--customers", StringComparer.Ordinal))
            {
                return await CustomerReads.RunAsync(connectionString, duration, concurrency, rounds);
            }

            var commits = await BenchDatabase.DescribeCommitsAsync(connectionString);
            await using var pipeline = new PipelineHost(connectionString, tenants);
            var pipelineClients = pipeline.Start();
            var sent = 0;
            Task<bool> PlaceOrder() => PipelineHost.PlaceOrder(pipelineClients[(int)((uint)Interlocked.Increment(ref sent) % pipelineClients.Length)]);
            await using var baseline = await BaselineHost.StartAsync(connectionString);

            var load = new LoadRunner(concurrency);
            await load.RunAsync(PlaceOrder, TimeSpan.FromSeconds(2));
            await load.RunAsync(baseline.PlaceOrder, TimeSpan.FromSeconds(2));

            var pipelineRuns = new List<LoadSample>();
            var baselineRuns = new List<LoadSample>();
            for (var round = 1; round <= rounds; round++)
            {
                pipelineRuns.Add(await load.RunAsync(PlaceOrder, duration));
                baselineRuns.Add(await load.RunAsync(baseline.PlaceOrder, duration));
                var (full, bare) = (pipelineRuns[^1], baselineRuns[^1]);
                var ratio = full.Errors + bare.Errors == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"ratio {full.Throughput / bare.Throughput:0.00}x")
                    : $"no ratio ({full.Errors} pipeline errors, {bare.Errors} baseline errors)";
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round}: pipeline {full.Throughput:0} req/s, baseline {bare.Throughput:0} req/s, {ratio}"));
            }

            var pipelineResult = LoadResult.Of("pipeline", pipelineRuns);
            var baselineResult = LoadResult.Of("baseline", baselineRuns);

            Console.WriteLine();
            Console.WriteLine($"POST /api/orders on PostgreSQL ({commits}), {concurrency} concurrent clients, {tenants} tenant(s), {rounds} x {duration.TotalSeconds:0} s per contender, loopback HTTP");
            Console.WriteLine(LoadResult.Header);
            Console.WriteLine(pipelineResult.Row);
            Console.WriteLine(baselineResult.Row);
            if (pipelineResult.Errors + baselineResult.Errors > 0)
            {
                // A contender answering with errors is measuring something else; comparing it would mislead.
                await Console.Error.WriteLineAsync(
                    $"The run is void: pipeline had {pipelineResult.Errors} errors, baseline {baselineResult.Errors}; no ratio is printed.");
                return 1;
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"pipeline / baseline: throughput {pipelineResult.Throughput / baselineResult.Throughput:0.00}x, p50 {pipelineResult.P50.TotalMilliseconds / baselineResult.P50.TotalMilliseconds:0.00}x, p99 {pipelineResult.P99.TotalMilliseconds / baselineResult.P99.TotalMilliseconds:0.00}x"));
            return 0;
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }
}
