using System.Globalization;
using System.Text.Json;

namespace Reference.LoadDriver;

/// <summary>
/// <c>GET /api/customers/{id}</c> through the whole pipeline, cached (the shipped caching step on the in-process
/// cache) against uncached (the same application with a cache that always misses), on one database, in rounds
/// that alternate the two. Every request must answer 200: a run with any error is void.
/// </summary>
public static class CustomerReads
{
    private const int Customers = 200;

    public static async Task<int> RunAsync(string connectionString, TimeSpan duration, int concurrency, int rounds)
    {
        await using var cachedHost = new PipelineHost(connectionString, cache: true);
        var cached = cachedHost.Start()[0];
        await using var uncachedHost = new PipelineHost(connectionString, cache: false);
        var uncached = uncachedHost.Start()[0];
        var ids = await RegisterAsync(cached);

        var sent = 0;
        Func<Task<bool>> Reader(HttpClient client) => async () =>
        {
            using var response = await client.GetAsync($"/api/customers/{ids[(int)((uint)Interlocked.Increment(ref sent) % ids.Length)]}");
            return response.IsSuccessStatusCode;
        };

        var load = new LoadRunner(concurrency);
        await load.RunAsync(Reader(cached), TimeSpan.FromSeconds(2));
        await load.RunAsync(Reader(uncached), TimeSpan.FromSeconds(2));
        var cachedRuns = new List<LoadSample>();
        var uncachedRuns = new List<LoadSample>();
        for (var round = 1; round <= rounds; round++)
        {
            cachedRuns.Add(await load.RunAsync(Reader(cached), duration));
            uncachedRuns.Add(await load.RunAsync(Reader(uncached), duration));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: cached {cachedRuns[^1].Throughput:0} req/s ({cachedRuns[^1].Errors} errors), uncached {uncachedRuns[^1].Throughput:0} req/s ({uncachedRuns[^1].Errors} errors)"));
        }

        var cachedResult = LoadResult.Of("cached", cachedRuns);
        var uncachedResult = LoadResult.Of("uncached", uncachedRuns);
        Console.WriteLine();
        Console.WriteLine($"GET /api/customers/{{id}} over {ids.Length} customers, {concurrency} concurrent clients, {rounds} x {duration.TotalSeconds:0} s per contender, loopback HTTP");
        Console.WriteLine(LoadResult.Header);
        Console.WriteLine(cachedResult.Row);
        Console.WriteLine(uncachedResult.Row);
        if (cachedResult.Errors + uncachedResult.Errors > 0)
        {
            await Console.Error.WriteLineAsync($"The run is void: cached had {cachedResult.Errors} errors, uncached {uncachedResult.Errors}; no ratio is printed.");
            return 1;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"cached / uncached: throughput {cachedResult.Throughput / uncachedResult.Throughput:0.00}x, p50 {cachedResult.P50.TotalMilliseconds / uncachedResult.P50.TotalMilliseconds:0.00}x, p99 {cachedResult.P99.TotalMilliseconds / uncachedResult.P99.TotalMilliseconds:0.00}x"));
        return 0;
    }

    private static async Task<Guid[]> RegisterAsync(HttpClient client)
    {
        var ids = new Guid[Customers];
        for (var i = 0; i < Customers; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/customers", new { name = $"Customer {i}", email = $"customer-{i}@bench.example" });
            response.EnsureSuccessStatusCode();
            ids[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        return ids;
    }
}
