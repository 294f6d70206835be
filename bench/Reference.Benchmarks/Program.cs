using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Reference.Benchmarks;
using Reference.TestSupport.Postgres;

// Appends/s of the write side against two references measured in the same run on the same server:
// raw binary COPY of the same rows (the ceiling) and Marten's quick append.
//   dotnet run -c Release --project bench/Reference.Benchmarks
// Server: REFERENCE_TEST_POSTGRES (a superuser connection string) or a throwaway local cluster.
// REFERENCE_BENCH_SECONDS sets the measured seconds per cell (default 4, after 1 s of warm-up).
var seconds = int.TryParse(Environment.GetEnvironmentVariable("REFERENCE_BENCH_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 4;
var measure = TimeSpan.FromSeconds(seconds);
var warmUp = TimeSpan.FromSeconds(1);

var server = PostgresServer.Instance;
Console.WriteLine($"Server: {await server.DescribeAsync()}");
var connectionString = await server.CreateDatabaseAsync("bench");
try
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using var writeSide = await WriteSideAppender.StartAsync(connectionString);
    await using var marten = await MartenAppender.StartAsync(connectionString);
    var copy = new CopyAppender(dataSource);
    IAppender[] contenders = [copy, writeSide, marten];

    Scenario[] scenarios = [new(1, 1), new(10, 1), new(100, 1), new(1, 8), new(10, 8), new(100, 8)];

    // One untimed pass so JIT compilation and connection pools are warm before the first cell.
    foreach (var contender in contenders)
    {
        await MeasureAsync(contender, new Scenario(10, 8), TimeSpan.Zero, warmUp);
    }

    var results = new Dictionary<(Scenario, string), double>();
    foreach (var scenario in scenarios)
    {
        foreach (var contender in contenders)
        {
            var eventsPerSecond = await MeasureAsync(contender, scenario, warmUp, measure);
            results[(scenario, contender.Name)] = eventsPerSecond;
            Console.WriteLine($"{scenario}  {contender.Name,-24} {eventsPerSecond,12:N0} events/s");
        }
    }

    Console.WriteLine();
    Console.WriteLine($"| batch x writers | {copy.Name} (events/s) | {writeSide.Name} (events/s) | {marten.Name} (events/s) | ours / COPY | ours / Marten |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var scenario in scenarios)
    {
        var (c, w, m) = (results[(scenario, copy.Name)], results[(scenario, writeSide.Name)], results[(scenario, marten.Name)]);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {scenario.BatchSize} x {scenario.Writers} | {c:N0} | {w:N0} | {m:N0} | {w / c:0.00} | {w / m:0.00} |"));
    }
}
finally
{
    await server.DropDatabaseAsync(connectionString);
}

// Every writer appends to its own stream in a loop; only appends that finish inside the window count.
static async Task<double> MeasureAsync(IAppender contender, Scenario scenario, TimeSpan warmUp, TimeSpan measure)
{
    var writers = new List<Func<int, Task>>();
    for (var w = 0; w < scenario.Writers; w++)
    {
        writers.Add(await contender.CreateWriterAsync(w, scenario.BatchSize));
    }

    var clock = Stopwatch.StartNew();
    var measureFrom = warmUp;
    var measureUntil = warmUp + measure;
    var counts = new long[scenario.Writers];
    await Task.WhenAll(writers.Select((append, index) => Task.Run(async () =>
    {
        for (var round = 0; clock.Elapsed < measureUntil; round++)
        {
            await append(round);
            var finishedAt = clock.Elapsed;
            if (finishedAt >= measureFrom && finishedAt < measureUntil)
            {
                counts[index]++;
            }
        }
    })));

    return counts.Sum() * scenario.BatchSize / measure.TotalSeconds;
}
