using System.Globalization;
using Reference.TestSupport.Postgres;

namespace Reference.LoadDriver;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/Reference.LoadDriver -- [seconds per run] [concurrency]</c>.
/// PostgreSQL comes from <c>REFERENCE_TEST_POSTGRES</c> or a throwaway local cluster (see tests/Reference.TestSupport/Postgres).
/// </summary>
public static class LoadDriver
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var duration = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 120));

        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("bench");
        try
        {
            await using var pipeline = new PipelineHost(connectionString);
            var pipelineClient = pipeline.Start();
            await using var baseline = await BaselineHost.StartAsync(connectionString);

            var load = new LoadRunner(concurrency);
            await load.RunAsync("warm-up pipeline", pipelineClient, PipelineHost.PlaceOrder, TimeSpan.FromSeconds(2));
            await load.RunAsync("warm-up baseline", baseline.Client, BaselineHost.PlaceOrder, TimeSpan.FromSeconds(2));

            var full = await load.RunAsync("pipeline", pipelineClient, PipelineHost.PlaceOrder, duration);
            var bare = await load.RunAsync("baseline", baseline.Client, BaselineHost.PlaceOrder, duration);

            Console.WriteLine();
            Console.WriteLine($"POST /api/orders on PostgreSQL, {concurrency} concurrent clients, {duration.TotalSeconds:0} s per run, loopback HTTP");
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
