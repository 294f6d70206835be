using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>Starts a fresh host per test on the given database and offers small helpers.</summary>
public abstract class WriteSideTestBase(IWriteSideDatabase database) : IAsyncLifetime
{
    protected const string TenantA = "acme";
    protected const string TenantB = "globex";

    private PersistenceTestHost? _host;

    protected IWriteSideDatabase Database => database;

    protected PersistenceTestHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public virtual async Task InitializeAsync() => _host = await database.StartFreshHostAsync();

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Starts the test's host afresh with settings or a clock of its own (instead of, or after, the default one).</summary>
    protected async Task RestartHostAsync(Action<IDictionary<string, string?>>? settings = null, TimeProvider? time = null)
    {
        await DisposeAsync();
        _host = await database.StartFreshHostAsync(settings, time);
    }

    protected IDisposable AsTenant(string tenantId) => Host.Tenants.BeginScope(tenantId);

    protected static string NewStreamId() => $"item-{Guid.NewGuid():N}";

    protected async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, params ItemAdded[] events)
    {
        await using var scope = Host.CreateScope();
        return await scope.EventStore.AppendAsync(streamId, "Item", expected, events);
    }

    protected async Task<List<StoredEvent>> ReadStreamAsync(string streamId)
    {
        await using var scope = Host.CreateScope();
        return await scope.EventStore.ReadStreamAsync(streamId).ToListAsync();
    }

    protected async Task<long> StreamVersionAsync(string streamId)
    {
        await using var scope = Host.CreateScope();
        return await scope.EventStore.GetStreamVersionAsync(streamId);
    }

    protected async Task<List<StoredEvent>> ReadAllAsync(LogPosition after, int maxCount = 1000)
    {
        await using var scope = Host.CreateScope();
        return (await scope.EventStore.ReadAllAsync(after, maxCount)).Events.ToList();
    }

    /// <summary>
    /// Reads the global log until it holds <paramref name="count"/> events. On PostgreSQL the horizon
    /// is cluster-wide, so a transaction still open anywhere (another test class) delays visibility.
    /// </summary>
    protected async Task<List<StoredEvent>> ReadAllUntilAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var events = await ReadAllAsync(LogPosition.Start);
            if (events.Count >= count || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Runs raw SQL against the test database (the same text works on both providers).</summary>
    protected async Task<object?> ExecuteSqlAsync(string sql)
    {
        await using DbConnection connection = Host.Services.GetRequiredService<DatabaseConnector>().CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    protected async Task<long> CountAsync(string table) =>
        Convert.ToInt64(await ExecuteSqlAsync($"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    protected async Task<IReadOnlyList<OutboxDelivery>> ClaimAllAsync(string owner = "test-dispatcher")
    {
        await using var scope = Host.CreateScope();
        return await scope.Outbox.ClaimAsync(owner, 1000, TimeSpan.FromMinutes(1));
    }
}
