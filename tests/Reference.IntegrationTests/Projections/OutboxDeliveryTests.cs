using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// The outbox on PostgreSQL end to end: a dispatcher host is disposed in the middle of a batch, a
/// second one takes over once the leases expire; every message is delivered at least once and
/// its effect, written with the inbox row in one transaction, exists exactly once.
/// </summary>
public sealed class OutboxDeliveryTests
{
    private const string Destination = "test-messages";
    private const int Messages = 60;

    [Fact]
    public async Task Disposing_a_dispatcher_mid_batch_loses_nothing_and_the_inbox_makes_handling_exactly_once()
    {
        var database = await TestDatabases.NewPostgresAsync();
        var deliveries = new ConcurrentBag<Guid>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = await StartAsync(database, "dispatcher-a", deliveries, halfway);
        await EnqueueAsync(first, Messages);
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(30));
        first.Dispose();

        using var second = await StartAsync(database, "dispatcher-b", deliveries, halfway: null);
        await Eventually.ReturnsAsync(() => CountEffectsAsync(second), n => n >= Messages, TimeSpan.FromSeconds(60));

        var effects = await ReadEffectsAsync(second);
        Assert.Equal(Messages, effects.Count);
        Assert.Equal(Messages, effects.Distinct().Count());
        Assert.True(deliveries.Count >= Messages);
        await second.StopAsync();
    }

    private static async Task<IHost> StartAsync(string database, string owner, ConcurrentBag<Guid> deliveries, TaskCompletionSource? halfway)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["ReadStore:Provider"] = "Relational",
            ["Outbox:Owner"] = owner,
            ["Outbox:Lease"] = "00:00:02",
            ["Outbox:BatchSize"] = "10",
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddReadStore(builder.Configuration);
        builder.Services.AddProjectionEngine(builder.Configuration);
        builder.Services.AddMessaging(builder.Configuration);
        var host = builder.Build();

        // Subscribed before the dispatcher starts, so no message is published to nobody.
        var broker = host.Services.GetRequiredService<IMessageBroker>();
        var inbox = host.Services.GetRequiredService<RelationalInbox>();
        broker.Subscribe(Destination, async (message, ct) =>
        {
            deliveries.Add(message.MessageId);
            await inbox.HandleOnceAsync("test-consumer", message.MessageId, message.Headers.GetValueOrDefault(MessageHeaders.TenantId), async (db, token) =>
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO test_effects (message_id) VALUES ({message.MessageId})", token);
            }, ct);
            if (halfway is not null && deliveries.Count >= Messages / 2)
            {
                halfway.TrySetResult();
            }
        });

        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<Reference.Infrastructure.ReadStore.Relational.ProjectionsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS test_effects (message_id uuid NOT NULL)");
        return host;
    }

    private static async Task EnqueueAsync(IHost host, int count)
    {
        using var tenant = host.Services.GetRequiredService<ITenantContext>().BeginScope("acme");
        await using var scope = host.Services.CreateAsyncScope();
        await using var unitOfWork = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
        await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(Enumerable.Range(0, count)
            .Select(i => new OutboxMessage(Guid.NewGuid(), Destination, $"partition-{i % 7}", "test.message", "{}", new Dictionary<string, string>()))
            .ToList());
        await unitOfWork.CommitAsync();
        host.Services.GetRequiredService<ProjectionSignal>().Notify();
    }

    private static async Task<int> CountEffectsAsync(IHost host) => (await ReadEffectsAsync(host)).Count;

    private static async Task<List<Guid>> ReadEffectsAsync(IHost host)
    {
        var contexts = host.Services.GetRequiredService<IDbContextFactory<Reference.Infrastructure.ReadStore.Relational.ProjectionsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<Guid>("SELECT message_id AS \"Value\" FROM test_effects").ToListAsync();
    }
}
