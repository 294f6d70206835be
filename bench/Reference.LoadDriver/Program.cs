using System.Globalization;
using Reference.TestSupport.Postgres;

namespace Reference.LoadDriver;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/Reference.LoadDriver -- [seconds per run] [concurrency] [rounds] [tenants]</c>.
/// Each round runs the pipeline, then the baseline; alternating them in several rounds spreads the drift of a
/// shared machine over both. PostgreSQL comes from <c>REFERENCE_TEST_POSTGRES</c> or a throwaway local cluster
/// (see tests/Reference.TestSupport/Postgres).
/// </summary>
public static class LoadDriver
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var rounds = args.Length > 2 ? Math.Clamp(int.Parse(args[2], CultureInfo.InvariantCulture), 1, 20) : 1;
        var tenants = args.Length > 3 ? Math.Clamp(int.Parse(args[3], CultureInfo.InvariantCulture), 1, 64) : 1;
        var duration = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 120));

        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("bench");
        try
        {
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
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round}: pipeline {pipelineRuns[^1].Throughput:0} req/s, baseline {baselineRuns[^1].Throughput:0} req/s, ratio {pipelineRuns[^1].Throughput / baselineRuns[^1].Throughput:0.00}x"));
            }

            var full = LoadResult.Of("pipeline", pipelineRuns);
            var bare = LoadResult.Of("baseline", baselineRuns);

            Console.WriteLine();
            Console.WriteLine($"POST /api/orders on PostgreSQL, {concurrency} concurrent clients, {tenants} tenant(s), {rounds} x {duration.TotalSeconds:0} s per contender, loopback HTTP");
            Console.WriteLine(LoadResult.Header);
            Console.WriteLine(full.Row);
            Console.WriteLine(bare.Row);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"pipeline / baseline: throughput {full.Throughput / bare.Throughput:0.00}x, p50 {full.P50.TotalMilliseconds / bare.P50.TotalMilliseconds:0.00}x, p99 {full.P99.TotalMilliseconds / bare.P99.TotalMilliseconds:0.00}x"));
            return full.Errors + bare.Errors == 0 ? 0 : 1;
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }
}
