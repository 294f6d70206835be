using System.Diagnostics;
using System.Globalization;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.ProjectionBenchmarks;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

// Usage: dotnet run -c Release --project bench/Reference.ProjectionBenchmarks -- "<server connection string>" [tallies] [eventsPerTally] [lagSeconds] [lagRate]
var server = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("REFERENCE_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("Pass a PostgreSQL server connection string (superuser) or set REFERENCE_BENCH_POSTGRES.");
var tallies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
var perTally = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var lagSeconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 15;
var lagRate = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 50;
var totalEvents = tallies * perTally;

var ours = await NewDatabaseAsync(server, "bench_ours");
var marten = await NewDatabaseAsync(server, "bench_marten");
Console.WriteLine($"Seeding {totalEvents:N0} events ({tallies:N0} streams x {perTally}) into each store...");

// --- Rebuild throughput: this engine into PostgreSQL read tables -----------------------------
using var host = await StartHostAsync(ours);
await SeedOursAsync(host, tallies, perTally);
await WaitProcessedAsync(host, totalEvents, TimeSpan.FromMinutes(5));
var rebuilder = host.Services.GetRequiredService<ProjectionRebuilder>();
var watch = Stopwatch.StartNew();
var generation = await rebuilder.StartAsync("bench-tally", CancellationToken.None);
await rebuilder.RunAsync("bench-tally", generation, CancellationToken.None);
var oursSeconds = watch.Elapsed.TotalSeconds;

// --- Rebuild throughput: Marten's async daemon, same fold, same events --------------------------
await using var store = DocumentStore.For(options =>
{
    options.Connection(marten);
    options.AutoCreateSchemaObjects = AutoCreate.All;
    options.Projections.Add<MartenTallyProjection>(ProjectionLifecycle.Async);
});
await SeedMartenAsync(store, tallies, perTally);
using var daemon = await store.BuildProjectionDaemonAsync();
watch.Restart();
await daemon.RebuildProjectionAsync<MartenTallyProjection>(CancellationToken.None);
var martenSeconds = watch.Elapsed.TotalSeconds;

// --- Lag under steady command load -------------------------------------------------------------
var lags = await MeasureLagAsync(host, lagSeconds, lagRate);
await host.StopAsync();

var oursRate = totalEvents / oursSeconds;
var martenRate = totalEvents / martenSeconds;
Console.WriteLine();
Console.WriteLine($"Rebuild of {totalEvents:N0} events");
Console.WriteLine($"  Reference engine -> PostgreSQL tables : {oursSeconds,8:F2} s  {oursRate,10:N0} events/s");
Console.WriteLine($"  Marten async daemon rebuild           : {martenSeconds,8:F2} s  {martenRate,10:N0} events/s");
Console.WriteLine($"  ratio (Reference / Marten)            : {oursRate / martenRate,8:F2}");
Console.WriteLine($"Projection lag at {lagRate} commits/s for {lagSeconds} s ({lags.Count} events)");
Console.WriteLine($"  p50 {Percentile(lags, 0.50) * 1000,7:F1} ms   p95 {Percentile(lags, 0.95) * 1000,7:F1} ms   max {lags.Max() * 1000,7:F1} ms");
return;

static async Task<string> NewDatabaseAsync(string server, string prefix)
{
    var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
    await command.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
}

static async Task<IHost> StartHostAsync(string connectionString)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Persistence:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = connectionString,
        ["ReadStore:Provider"] = "Relational",
    });
    builder.Services.AddSingleton(new EventTypeRegistry().Register<TallyStarted>().Register<TallyBumped>());
    builder.Services.AddPersistence(builder.Configuration);
    builder.Services.AddProjection<BenchTallyProjection, BenchTally>();
    builder.Services.AddReadStore(builder.Configuration);
    builder.Services.AddProjectionEngine(builder.Configuration);
    var host = builder.Build();
    await host.StartAsync();
    return host;
}

static async Task AppendAsync(IHost host, string streamId, IReadOnlyList<DomainEvent> events)
{
    using var tenant = host.Services.GetRequiredService<ITenantContext>().BeginScope("acme");
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<IEventStore>().AppendAsync(streamId, "tally", ExpectedVersion.Any, events);
    host.Services.GetRequiredService<ProjectionSignal>().Notify();
}

static async Task SeedOursAsync(IHost host, int tallies, int perTally)
{
    await Parallel.ForAsync(0, tallies, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
    {
        var id = $"t{i}";
        var events = new List<DomainEvent> { new TallyStarted(id) };
        events.AddRange(Enumerable.Range(1, perTally - 1).Select(n => new TallyBumped(id, n)));
        await AppendAsync(host, id, events);
    });
}

static async Task SeedMartenAsync(IDocumentStore store, int tallies, int perTally)
{
    for (var start = 0; start < tallies; start += 100)
    {
        await using var session = store.LightweightSession();
        for (var i = start; i < Math.Min(start + 100, tallies); i++)
        {
            var id = Guid.NewGuid();
            var events = new List<object> { new MartenTallyStarted(id) };
            events.AddRange(Enumerable.Range(1, perTally - 1).Select(n => (object)new MartenTallyBumped(id, n)));
            session.Events.StartStream<MartenTally>(id, events);
        }

        await session.SaveChangesAsync();
    }
}

static async Task<Checkpoint?> ServingCheckpointAsync(IHost host)
{
    var generation = await host.Services.GetRequiredService<IReadModelStore<BenchTally>>().GetServingGenerationAsync();
    return await host.Services.GetRequiredService<ICheckpointStore>().GetAsync("bench-tally", generation);
}

static async Task WaitProcessedAsync(IHost host, long events, TimeSpan within)
{
    var deadline = DateTime.UtcNow + within;
    while ((await ServingCheckpointAsync(host))?.EventsProcessed < events || await ServingCheckpointAsync(host) is null)
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException($"The projection did not reach {events} events in time.");
        }

        await Task.Delay(20);
    }
}

// One commit at a time at a steady rate; lag = first time the checkpoint covers the event minus its commit time.
static async Task<List<double>> MeasureLagAsync(IHost host, int seconds, int rate)
{
    var baseline = (await ServingCheckpointAsync(host))!.EventsProcessed;
    var commits = new List<(long Ordinal, long CommittedAt)>();
    var visible = new Dictionary<long, long>();
    using var stop = new CancellationTokenSource();
    var observer = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var processed = (await ServingCheckpointAsync(host))!.EventsProcessed - baseline;
            var now = Stopwatch.GetTimestamp();
            lock (visible)
            {
                for (var ordinal = visible.Count + 1; ordinal <= processed; ordinal++)
                {
                    visible[ordinal] = now;
                }
            }

            await Task.Delay(2);
        }
    });

    var interval = TimeSpan.FromSeconds(1.0 / rate);
    var total = seconds * rate;
    var begin = Stopwatch.GetTimestamp();
    for (var i = 1; i <= total; i++)
    {
        await AppendAsync(host, $"lag-{i % 100}", [new TallyBumped($"t{i % 100}", 1)]);
        commits.Add((i, Stopwatch.GetTimestamp()));
        var due = begin + (long)(i * interval.TotalSeconds * Stopwatch.Frequency);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
    while (DateTime.UtcNow < deadline)
    {
        lock (visible)
        {
            if (visible.Count >= total)
            {
                break;
            }
        }

        await Task.Delay(10);
    }

    await stop.CancelAsync();
    await observer;
    lock (visible)
    {
        return commits.Where(c => visible.ContainsKey(c.Ordinal))
            .Select(c => Stopwatch.GetElapsedTime(c.CommittedAt, visible[c.Ordinal]).TotalSeconds)
            .Order()
            .ToList();
    }
}

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
