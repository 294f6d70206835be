using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reference.Infrastructure.Audit;
using Reference.Infrastructure.Audit.Database;
using Reference.Infrastructure.MultiTenancy;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts.Audit;

namespace Reference.IntegrationTests.Audit;

/// <summary>
/// The SQL audit trail and its retention pruner on one real database (the write side migrated as the application
/// migrates it, then the audit schema's own migrations), with a fake clock and tenants defined in configuration.
/// </summary>
public sealed class AuditTestHost : IAsyncDisposable
{
    private readonly PersistenceTestHost _host;
    private readonly AuditDbContextFactory _contexts;

    private AuditTestHost(PersistenceTestHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
        _contexts = new AuditDbContextFactory(Connector);
    }

    public FakeTimeProvider Time { get; }

    public AuditOptions Options { get; } = new() { Retention = { BatchSize = 2 } };

    /// <summary>Tenant definitions the pruner reads retention settings from.</summary>
    public MultiTenancyOptions Tenancy { get; } = new();

    public DatabaseConnector Connector => _host.Services.GetRequiredService<DatabaseConnector>();

    /// <summary>The name of the database the trail writes to (on PostgreSQL, what its tracing reports).</summary>
    public string DatabaseName
    {
        get
        {
            using var connection = Connector.CreateConnection();
            return connection.Database;
        }
    }

    public static async Task<AuditTestHost> StartAsync(PersistenceProvider provider, string connectionString)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var host = new AuditTestHost(await PersistenceTestHost.StartAsync(provider, connectionString, time: time), time);
        await new AuditSchemaMigration(host._contexts).MigrateAsync(CancellationToken.None);
        return host;
    }

    public AuditRetentionPruner Pruner() => new(
        Connector,
        new ConfigurationTenantStore(new FixedOptionsMonitor<MultiTenancyOptions>(Tenancy)),
        Microsoft.Extensions.Options.Options.Create(Options),
        Time,
        NullLogger<AuditRetentionPruner>.Instance);

    /// <summary>Runs <paramref name="work"/> in a fresh DI scope with <paramref name="tenantId"/> as the ambient tenant.</summary>
    public async Task<T> InTenantAsync<T>(string tenantId, Func<IAuditTrail, PortsScope, Task<T>> work)
    {
        await using var scope = _host.CreateScope();
        using var tenant = _host.Tenants.BeginScope(tenantId);
        var trail = new SqlAuditTrail(scope.Services.GetRequiredService<PersistenceSession>(), _host.Tenants, _contexts, Microsoft.Extensions.Options.Options.Create(Options));
        return await work(trail, scope);
    }

    /// <summary>
    /// The trail and the unit of work of one DI scope, as one request sees them, for the port contract: the
    /// harness disposes the scope and this host.
    /// </summary>
    public AuditTrailHarness ContractHarness()
    {
        var scope = _host.CreateScope();
        var trail = new SqlAuditTrail(scope.Services.GetRequiredService<PersistenceSession>(), _host.Tenants, _contexts, Microsoft.Extensions.Options.Options.Create(Options));
        return new AuditTrailHarness(trail, scope.UnitOfWork, ReplaceRecordsAsync, async () =>
        {
            await scope.DisposeAsync();
            await DisposeAsync();
        });
    }

    /// <summary>
    /// What someone with direct database access could do: replace a tenant's stored records (in sequence order) with
    /// an edited list, written as the trail writes them but with the hashes the records carry, not recomputed ones.
    /// </summary>
    public async Task ReplaceRecordsAsync(string tenantId, Func<IReadOnlyList<AuditRecord>, IReadOnlyList<AuditRecord>> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var connection = Connector.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var stored = new List<AuditRecord>();
        await using (var read = Command(connection, transaction, "SELECT record FROM audit_log WHERE tenant_id = @tenant ORDER BY sequence"))
        {
            Add(read, "tenant", tenantId);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(AuditRecordJson.Deserialize(reader.GetString(0)));
            }
        }

        await using (var delete = Command(connection, transaction, "DELETE FROM audit_log WHERE tenant_id = @tenant"))
        {
            Add(delete, "tenant", tenantId);
            await delete.ExecuteNonQueryAsync();
        }

        foreach (var record in edit(stored))
        {
            await using var insert = Command(
                connection,
                transaction,
                """
                INSERT INTO audit_log (tenant_id, sequence, id, occurred_at, action, outcome, reason, actor_id, resource_type, resource_id, correlation_id, record, previous_hash, hash)
                VALUES (@tenant, @sequence, @id, @occurred_at, @action, @outcome, @reason, @actor_id, @resource_type, @resource_id, @correlation_id, @record, @previous_hash, @hash)
                """);
            Add(insert, "tenant", tenantId);
            Add(insert, "sequence", record.Sequence);
            Add(insert, "id", record.Id.ToString());
            Add(insert, "occurred_at", AuditStoredTime.Of(record.OccurredAt, Connector.Provider));
            Add(insert, "action", record.Action);
            Add(insert, "outcome", record.Outcome.ToString());
            Add(insert, "reason", record.Reason);
            Add(insert, "actor_id", record.Actor.UserId);
            Add(insert, "resource_type", record.Resource?.Type);
            Add(insert, "resource_id", record.Resource?.Id);
            Add(insert, "correlation_id", record.CorrelationId);
            Add(insert, "record", AuditRecordJson.Serialize(record));
            Add(insert, "previous_hash", record.PreviousHash);
            Add(insert, "hash", record.Hash);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public Task<AuditRecord> AppendAsync(string tenantId, string action) =>
        InTenantAsync(tenantId, (trail, _) => trail.AppendAsync(Record(tenantId, action)));

    /// <summary>Appends <paramref name="count"/> records a day apart, the clock ending a day after the last.</summary>
    public async Task AppendDailyAsync(string tenantId, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await AppendAsync(tenantId, $"{tenantId}.action-{i}");
            Time.Advance(TimeSpan.FromDays(1));
        }
    }

    public Task<AuditChainVerification> VerifyAsync(string tenantId) => InTenantAsync(tenantId, (trail, _) => trail.VerifyAsync());

    public async Task<IReadOnlyList<long>> SequencesAsync(string tenantId) =>
        [.. (await InTenantAsync(tenantId, (trail, _) => trail.ReadAsync(maxCount: 1_000))).Select(r => r.Sequence)];

    /// <summary>What someone with direct database access could do: any statement, outside the application.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = Connector.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<(long Sequence, string Hash, long PrunedCount)?> AnchorAsync(string tenantId)
    {
        await using var connection = Connector.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sequence, hash, pruned_count FROM audit_anchors WHERE tenant_id = '{tenantId}'";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private AuditRecord Record(string tenantId, string action) => new(
        Guid.NewGuid(),
        Time.GetUtcNow(),
        tenantId,
        new AuditActor("user-1", "Ada", ["clerk"]),
        action,
        new AuditResource("order", "42"),
        AuditOutcome.Succeeded,
        Reason: null,
        DurationMs: 3,
        CorrelationId: "correlation-1",
        TraceId: null);

    private sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
