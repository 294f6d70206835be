using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// Two nodes on one PostgreSQL database, wired as the application wires itself, with a one-minute fallback
/// poll: a commit on node A wakes the projection worker of node B, which holds the lease, through
/// <c>LISTEN/NOTIFY</c> well inside the poll interval; and the listener comes back after its connection is killed.
/// </summary>
public sealed class CommitNotificationTests : IAsyncLifetime
{
    private static readonly TimeSpan WakeDeadline = TimeSpan.FromSeconds(20);
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabases.NewPostgresAsync();

    public Task DisposeAsync() => PostgresServer.Instance.DropDatabaseAsync(_database);

    [Fact]
    public async Task A_commit_on_node_A_wakes_the_lease_holder_on_node_B_through_notify()
    {
        await using var nodeB = await Node.StartAsync(_database, "node-b");
        await nodeB.WaitUntilLeaseHolderAsync();
        await WaitForListenerAsync("node-b");
        await using var nodeA = await Node.StartAsync(_database, "node-a");

        await nodeA.AppendAsync("acme", "c-1", new CounterOpened("c1"), new CounterIncremented("c1", 5));

        // B's fallback poll is a minute away and A cannot take B's five-minute lease: only the notification explains this.
        var checkpoint = await nodeB.WaitForProcessedAsync(2, WakeDeadline);
        Assert.Equal("node-b", checkpoint.Owner);
        Assert.Equal(5, (await nodeB.ReadAsync("acme", "c1"))?.Total);
    }

    [Fact]
    public async Task The_listener_reconnects_after_its_connection_is_terminated()
    {
        await using var nodeB = await Node.StartAsync(_database, "node-b");
        await nodeB.WaitUntilLeaseHolderAsync();
        var killed = await WaitForListenerAsync("node-b");
        await using var nodeA = await Node.StartAsync(_database, "node-a");

        await TerminateAsync(killed);
        var listener = await WaitForListenerAsync("node-b", except: killed);
        Assert.NotEqual(killed, listener);

        await nodeA.AppendAsync("acme", "c-2", new CounterOpened("c2"), new CounterIncremented("c2", 7));

        var checkpoint = await nodeB.WaitForProcessedAsync(2, WakeDeadline);
        Assert.Equal("node-b", checkpoint.Owner);
        Assert.Equal(7, (await nodeB.ReadAsync("acme", "c2"))?.Total);
    }

    /// <summary>The backend id of the node's LISTEN connection, once there is one (other than <paramref name="except"/>).</summary>
    private async Task<int> WaitForListenerAsync(string node, int? except = null) =>
        await Eventually.ReturnsAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(_database);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    $"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = @node AND query = 'LISTEN {PostgresCommitNotifications.Channel}'",
                    connection);
                command.Parameters.AddWithValue("node", node);
                var pids = new List<int>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    pids.Add(reader.GetInt32(0));
                }

                return pids.Where(pid => pid != except).DefaultIfEmpty(0).First();
            },
            pid => pid != 0,
            TimeSpan.FromSeconds(30));

    private async Task TerminateAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
        command.Parameters.AddWithValue("pid", pid);
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    /// <summary>One application node: persistence, the read side and the commit notifications, as the app registers them.</summary>
    private sealed class Node(IHost host, string nodeId) : IAsyncDisposable
    {
        private ITenantContext Tenants => host.Services.GetRequiredService<ITenantContext>();

        private ICheckpointStore Checkpoints => host.Services.GetRequiredService<ICheckpointStore>();

        public static async Task<Node> StartAsync(string database, string nodeId)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Persistence:Provider"] = "Postgres",
                ["Persistence:MigrateOnStartup"] = "true",
                ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(database) { ApplicationName = nodeId }.ConnectionString,
                ["ReadStore:Provider"] = "Relational",
                ["Projections:NodeId"] = nodeId,
                ["Projections:PollInterval"] = "00:01:00",
                ["Projections:LeaseDuration"] = "00:05:00",
                ["Outbox:PollInterval"] = "00:01:00",
                ["Jobs:RunServer"] = "false",
            });
            builder.Services.AddSingleton(new EventTypeRegistry().Register<CounterOpened>().Register<CounterIncremented>());
            builder.Services.AddPersistence(builder.Configuration);
            builder.Services.AddReadStore(builder.Configuration);
            builder.Services.AddProjections(builder.Configuration, typeof(CounterProjection).Assembly);
            builder.Services.AddMessaging(builder.Configuration);
            builder.Services.AddJobs(builder.Configuration);
            var host = builder.Build();
            await host.StartAsync();
            return new Node(host, nodeId);
        }

        public async Task AppendAsync(string tenantId, string streamId, params DomainEvent[] events)
        {
            // Outside a unit of work the append commits at once, then signals this node and notifies the others.
            using var tenant = Tenants.BeginScope(tenantId);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IEventStore>().AppendAsync(streamId, "counter", ExpectedVersion.Any, events);
        }

        public Task WaitUntilLeaseHolderAsync() =>
            Eventually.ReturnsAsync(ServingCheckpointAsync, c => c?.Owner == nodeId, TimeSpan.FromSeconds(30));

        public async Task<Checkpoint> WaitForProcessedAsync(long events, TimeSpan within) =>
            (await Eventually.ReturnsAsync(ServingCheckpointAsync, c => c is not null && c.EventsProcessed >= events, within))!;

        public async Task<Counter?> ReadAsync(string tenantId, string id)
        {
            using var tenant = Tenants.BeginScope(tenantId);
            return await host.Services.GetRequiredService<IReadModelStore<Counter>>().GetAsync(id);
        }

        private async Task<Checkpoint?> ServingCheckpointAsync()
        {
            var serving = await host.Services.GetRequiredService<IReadModelStore<Counter>>().GetServingGenerationAsync();
            return await Checkpoints.GetAsync("counter", serving);
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
