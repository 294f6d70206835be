using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections.Support;

/// <summary>
/// A host with the real write side and relational read store on one PostgreSQL database, the
/// counter projection registered and the projection daemon running.
/// </summary>
public sealed class ProjectionTestHost : IAsyncDisposable
{
    private ProjectionTestHost(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public ITenantContext Tenants => Services.GetRequiredService<ITenantContext>();

    public ICheckpointStore Checkpoints => Services.GetRequiredService<ICheckpointStore>();

    public IReadModelStore<Counter> Counters => Services.GetRequiredService<IReadModelStore<Counter>>();

    public ProjectionRebuilder Rebuilder => Services.GetRequiredService<ProjectionRebuilder>();

    public static async Task<ProjectionTestHost> StartAsync(string connectionString, string nodeId = "node-a", bool runDaemon = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["ReadStore:Provider"] = "Relational",
            ["Projections:PollInterval"] = "00:00:00.200",
            ["Projections:LiveBatchSize"] = "50",
            ["Projections:RebuildBatchSize"] = "200",
            ["Projections:NodeId"] = nodeId,
        });
        var registry = new EventTypeRegistry().Register<CounterOpened>().Register<CounterIncremented>();
        builder.Services.AddSingleton(registry);
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddProjection<CounterProjection, Counter>();
        builder.Services.AddReadStore(builder.Configuration);
        builder.Services.AddProjectionEngine(builder.Configuration);
        if (!runDaemon)
        {
            var daemon = builder.Services.Single(d => d.ImplementationType == typeof(ProjectionDaemon));
            builder.Services.Remove(daemon);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new ProjectionTestHost(host);
    }

    public async Task AppendAsync(string tenantId, string streamId, params DomainEvent[] events)
    {
        using var tenant = Tenants.BeginScope(tenantId);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IEventStore>().AppendAsync(streamId, "counter", ExpectedVersion.Any, events);
        Services.GetRequiredService<ProjectionSignal>().Notify();
    }

    /// <summary>Appends inside a unit of work that stays open (uncommitted) until the returned handle commits it.</summary>
    public async Task<OpenTransaction> BeginAppendAsync(string tenantId, string streamId, params DomainEvent[] events)
    {
        var tenant = Tenants.BeginScope(tenantId);
        var scope = Services.CreateAsyncScope();
        var handle = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
        await scope.ServiceProvider.GetRequiredService<IEventStore>().AppendAsync(streamId, "counter", ExpectedVersion.Any, events);
        tenant.Dispose();
        return new OpenTransaction(handle, scope, Services.GetRequiredService<ProjectionSignal>());
    }

    public async Task<Counter?> ReadAsync(string tenantId, string id)
    {
        using var tenant = Tenants.BeginScope(tenantId);
        return await Counters.GetAsync(id);
    }

    /// <summary>Waits until the serving generation's checkpoint has processed <paramref name="events"/> events.</summary>
    public async Task WaitForProcessedAsync(long events)
    {
        await Eventually.ReturnsAsync(
            async () =>
            {
                var serving = await Counters.GetServingGenerationAsync();
                return await Checkpoints.GetAsync("counter", serving);
            },
            c => c is not null && c.EventsProcessed >= events,
            TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    public sealed class OpenTransaction(IUnitOfWorkHandle handle, AsyncServiceScope scope, ProjectionSignal signal) : IAsyncDisposable
    {
        public async Task CommitAsync()
        {
            await handle.CommitAsync();
            signal.Notify();
        }

        public async ValueTask DisposeAsync()
        {
            await handle.DisposeAsync();
            await scope.DisposeAsync();
        }
    }
}
