using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Projections;

/// <summary>The projection engine against the real write side and read tables on PostgreSQL.</summary>
public sealed class PostgresProjectionEngineTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabases.NewPostgresAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Committed_events_become_visible_and_tenants_with_the_same_ids_stay_apart()
    {
        await using var host = await ProjectionTestHost.StartAsync(_database);

        await host.AppendAsync("acme", "c-1", new CounterOpened("c1"), new CounterIncremented("c1", 2));
        await host.AppendAsync("globex", "c-1", new CounterOpened("c1"), new CounterIncremented("c1", 40));

        var acme = await Eventually.ReturnsAsync(() => host.ReadAsync("acme", "c1"), c => c?.Total == 2);
        var globex = await Eventually.ReturnsAsync(() => host.ReadAsync("globex", "c1"), c => c?.Total == 40);
        Assert.Equal(("acme", 2), (acme!.TenantId, acme.Applied));
        Assert.Equal(("globex", 2), (globex!.TenantId, globex.Applied));
        Assert.Null(await host.ReadAsync("initech", "c1"));
    }

    [Fact]
    public async Task A_transaction_that_commits_late_is_projected_once_under_a_running_projection()
    {
        await using var host = await ProjectionTestHost.StartAsync(_database);
        await host.AppendAsync("acme", "c-1", new CounterOpened("c1"));
        await host.WaitForProcessedAsync(1);

        await using (var early = await host.BeginAppendAsync("acme", "c-1", new CounterIncremented("c1", 1)))
        {
            // Other streams (the open transaction holds c-1's version row), same counter document.
            await host.AppendAsync("acme", "c-1-side", new CounterIncremented("c1", 10));
            await host.AppendAsync("acme", "c-1-other", new CounterIncremented("c1", 100));
            await early.CommitAsync();
        }

        await host.WaitForProcessedAsync(4);
        var counter = await host.ReadAsync("acme", "c1");
        Assert.Equal((111, 4), (counter!.Total, counter.Applied));
    }

    [Fact]
    public async Task A_transaction_that_commits_late_is_projected_once_under_a_running_rebuild()
    {
        await using var host = await ProjectionTestHost.StartAsync(_database);
        for (var i = 0; i < 20; i++)
        {
            await host.AppendAsync("acme", $"c-{i}", new CounterOpened($"c{i}"), new CounterIncremented($"c{i}", 1));
        }

        await host.WaitForProcessedAsync(40);
        var late = await host.BeginAppendAsync("acme", "c-0", new CounterIncremented("c0", 1000));
        var generation = await host.Rebuilder.StartAsync("counter", CancellationToken.None);
        var rebuild = host.Rebuilder.RunAsync("counter", generation, CancellationToken.None);
        await host.AppendAsync("acme", "c-1", new CounterIncremented("c1", 5));
        await late.CommitAsync();
        await late.DisposeAsync();
        await rebuild;

        Assert.Equal(generation, await host.Counters.GetServingGenerationAsync());
        await host.WaitForProcessedAsync(42);
        Assert.Equal((1001, 3), ((await host.ReadAsync("acme", "c0"))!.Total, (await host.ReadAsync("acme", "c0"))!.Applied));
        Assert.Equal((6, 3), ((await host.ReadAsync("acme", "c1"))!.Total, (await host.ReadAsync("acme", "c1"))!.Applied));
    }

    [Fact]
    public async Task A_restarted_node_resumes_from_its_checkpoint_without_duplicates()
    {
        await using (var first = await ProjectionTestHost.StartAsync(_database, "node-a"))
        {
            await first.AppendAsync("acme", "c-1", new CounterOpened("c1"), new CounterIncremented("c1", 1));
            await first.WaitForProcessedAsync(2);
        }

        await using var second = await ProjectionTestHost.StartAsync(_database, "node-b");
        await second.AppendAsync("acme", "c-1", new CounterIncremented("c1", 2));
        await second.WaitForProcessedAsync(3);

        var counter = await second.ReadAsync("acme", "c1");
        Assert.Equal((3, 3), (counter!.Total, counter.Applied));
        Assert.Equal("node-b", (await second.Checkpoints.GetAsync("counter", 1))!.Owner);
    }

    [Fact]
    public async Task Rebuild_under_live_traffic_keeps_reads_answering_and_ends_equal_to_the_log()
    {
        await using var host = await ProjectionTestHost.StartAsync(_database);
        for (var i = 0; i < 30; i++)
        {
            await host.AppendAsync("acme", $"c-{i}", new CounterOpened($"c{i}"), new CounterIncremented($"c{i}", i));
        }

        await host.WaitForProcessedAsync(60);
        using var stopReading = new CancellationTokenSource();
        var reads = Task.Run(async () =>
        {
            var misses = 0;
            var count = 0;
            while (!stopReading.IsCancellationRequested)
            {
                count++;
                if (await host.ReadAsync("acme", "c7") is null)
                {
                    misses++;
                }
            }

            return (misses, count);
        });

        var generation = await host.Rebuilder.StartAsync("counter", CancellationToken.None);
        var rebuild = host.Rebuilder.RunAsync("counter", generation, CancellationToken.None);
        for (var round = 0; round < 30; round++)
        {
            await host.AppendAsync("acme", $"c-{round}", new CounterIncremented($"c{round}", 1));
        }

        await rebuild;
        await host.WaitForProcessedAsync(90);
        await stopReading.CancelAsync();
        var (misses, count) = await reads;

        Assert.Equal(0, misses);
        Assert.True(count > 0);
        Assert.Equal(generation, await host.Counters.GetServingGenerationAsync());
        for (var i = 0; i < 30; i++)
        {
            var counter = await host.ReadAsync("acme", $"c{i}");
            Assert.Equal((i + 1, 3), (counter!.Total, counter.Applied));
        }

        Assert.Equal(ProjectionStatus.Retired, (await host.Checkpoints.GetAsync("counter", 1))!.Status);
    }
}
