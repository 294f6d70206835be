using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// The inbox on a real database, migrated as the application migrates it: a message is handled once per
/// (tenant, consumer, message id), and only the key violation of a duplicate counts as "already handled".
/// </summary>
public abstract class RelationalInboxTests(RelationalEngine engine) : IAsyncLifetime
{
    private const string Consumer = "test-consumer";
    private const string LastMigrationBeforeTheTenantKey = "20261125045100_RebuildProgress";

    private RelationalReadStoreHost _host = null!;

    protected string ConnectionString { get; private set; } = "";

    protected RelationalInbox Inbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await RelationalReadStoreHost.NewDatabaseAsync(engine);
        _host = await RelationalReadStoreHost.StartAsync(engine, ConnectionString, new AmbientTenantContext());
        Inbox = new RelationalInbox(Contexts, TimeProvider.System);
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE test_effects (tenant_id varchar(100) NOT NULL, message_id varchar(36) NOT NULL)");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IDbContextFactory<ProjectionsDbContext> Contexts => _host.Services.GetRequiredService<IDbContextFactory<ProjectionsDbContext>>();

    protected Task<bool> HandleAsync(Guid messageId, string? tenantId, Func<Task>? before = null, RelationalInbox? inbox = null) =>
        (inbox ?? Inbox).HandleOnceAsync(Consumer, messageId, tenantId, async (db, ct) =>
        {
            if (before is not null)
            {
                await before();
            }

            var tenant = tenantId ?? "";
            var message = messageId.ToString();
            await db.Database.ExecuteSqlAsync($"INSERT INTO test_effects (tenant_id, message_id) VALUES ({tenant}, {message})", ct);
        }, CancellationToken.None);

    private async Task ExecuteAsync(string sql)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    protected async Task<List<(string Tenant, string Message)>> EffectsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var rows = await db.Database.SqlQueryRaw<string>("SELECT tenant_id || '/' || message_id AS \"Value\" FROM test_effects").ToListAsync();
        return [.. rows.Select(r => (r.Split('/')[0], r.Split('/')[1])).Order()];
    }

    [Fact]
    public async Task A_redelivered_message_is_handled_once()
    {
        var message = Guid.NewGuid();

        Assert.True(await HandleAsync(message, "acme"));
        Assert.False(await HandleAsync(message, "acme"));

        Assert.Equal([("acme", message.ToString())], await EffectsAsync());
    }

    [Fact]
    public async Task The_same_message_id_in_another_tenant_is_another_message()
    {
        var message = Guid.NewGuid();

        Assert.True(await HandleAsync(message, "acme"));
        Assert.True(await HandleAsync(message, "globex"));
        Assert.False(await HandleAsync(message, "globex"));

        Assert.Equal([("acme", message.ToString()), ("globex", message.ToString())], await EffectsAsync());
    }

    [Fact]
    public async Task A_message_of_no_tenant_is_handled_once_and_apart_from_the_tenants()
    {
        var message = Guid.NewGuid();

        Assert.True(await HandleAsync(message, tenantId: null));
        Assert.False(await HandleAsync(message, tenantId: null));
        Assert.True(await HandleAsync(message, "acme"));

        Assert.Equal(2, (await EffectsAsync()).Count);
    }

    [Fact]
    public async Task Failed_work_leaves_no_inbox_row_so_the_redelivery_runs_it()
    {
        var message = Guid.NewGuid();

        await Assert.ThrowsAsync<InvalidOperationException>(() => HandleAsync(message, "acme", () => throw new InvalidOperationException("consumer failed")));

        Assert.Empty(await EffectsAsync());
        Assert.True(await HandleAsync(message, "acme"));
        Assert.Single(await EffectsAsync());
    }

    [Fact]
    public async Task A_failed_inbox_write_that_is_not_a_duplicate_propagates_and_the_redelivery_handles_the_message()
    {
        var message = Guid.NewGuid();
        await ExecuteAsync(engine == RelationalEngine.Postgres
            ? """
              CREATE FUNCTION refuse_inbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'inbox unavailable'; END $$;
              CREATE TRIGGER refuse_inbox BEFORE INSERT ON inbox_messages FOR EACH ROW EXECUTE FUNCTION refuse_inbox();
              """
            : "CREATE TRIGGER refuse_inbox BEFORE INSERT ON inbox_messages BEGIN SELECT RAISE(ABORT, 'inbox unavailable'); END;");

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => HandleAsync(message, "acme"));
        Assert.Contains("inbox unavailable", failure.InnerException?.Message, StringComparison.Ordinal);

        await ExecuteAsync(engine == RelationalEngine.Postgres ? "DROP TRIGGER refuse_inbox ON inbox_messages" : "DROP TRIGGER refuse_inbox");
        Assert.Empty(await EffectsAsync());
        Assert.True(await HandleAsync(message, "acme"));
        Assert.Equal([("acme", message.ToString())], await EffectsAsync());
    }

    [Fact]
    public async Task Upgrading_to_the_tenant_key_keeps_the_messages_handled_before_it()
    {
        var connectionString = await RelationalReadStoreHost.NewDatabaseAsync(engine);
        var options = new DbContextOptionsBuilder<ProjectionsDbContext>();
        RelationalReadStoreDatabase.Configure(options, engine, connectionString);
        var (ofNoTenant, ofAcme) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = new ProjectionsDbContext(options.Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBeforeTheTenantKey);
            var at = DateTimeOffset.UtcNow;
            await db.Database.ExecuteSqlAsync($"INSERT INTO inbox_messages (consumer, message_id, tenant_id, processed_at) VALUES ({Consumer}, {ofNoTenant}, NULL, {at})");
            await db.Database.ExecuteSqlAsync($"INSERT INTO inbox_messages (consumer, message_id, tenant_id, processed_at) VALUES ({Consumer}, {ofAcme}, 'acme', {at})");
            await db.Database.MigrateAsync();
        }

        await using var upgraded = await RelationalReadStoreHost.StartAsync(engine, connectionString, new AmbientTenantContext());
        var inbox = new RelationalInbox(upgraded.Services.GetRequiredService<IDbContextFactory<ProjectionsDbContext>>(), TimeProvider.System);
        Task<bool> Handle(Guid message, string? tenant) => inbox.HandleOnceAsync(Consumer, message, tenant, (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.False(await Handle(ofNoTenant, null));
        Assert.False(await Handle(ofAcme, "acme"));
        Assert.True(await Handle(ofAcme, "globex"));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_message_run_the_work_once()
    {
        var message = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => HandleAsync(message, "acme"))));

        Assert.Single(results, handled => handled);
        Assert.Single(await EffectsAsync());
    }
}

public sealed class SqliteInboxTests() : RelationalInboxTests(RelationalEngine.Sqlite);

public sealed class PostgresInboxTests() : RelationalInboxTests(RelationalEngine.Postgres)
{
    [Fact]
    public async Task A_lock_timeout_on_the_inbox_propagates_and_the_redelivery_handles_the_message()
    {
        // An inbox whose statements give up on a lock after half a second: a transient error, not a duplicate.
        var impatient = new NpgsqlConnectionStringBuilder(ConnectionString) { Options = "-c lock_timeout=500" }.ConnectionString;
        await using var impatientHost = await RelationalReadStoreHost.StartAsync(RelationalEngine.Postgres, impatient, new AmbientTenantContext());
        var impatientInbox = new RelationalInbox(impatientHost.Services.GetRequiredService<IDbContextFactory<ProjectionsDbContext>>(), TimeProvider.System);
        var message = Guid.NewGuid();
        await using (var blocker = new NpgsqlConnection(ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();

            // Reads of the inbox go on; inserts into it wait for this transaction.
            await using (var lockInbox = new NpgsqlCommand("LOCK TABLE inbox_messages IN SHARE MODE", blocker, transaction))
            {
                await lockInbox.ExecuteNonQueryAsync();
            }

            // EF Core reports a transient PostgreSQL error wrapped, with the advice to retry.
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => HandleAsync(message, "acme", inbox: impatientInbox));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, Assert.IsType<PostgresException>(failure.GetBaseException()).SqlState);
            await transaction.RollbackAsync();
        }

        Assert.Empty(await EffectsAsync());
        Assert.True(await HandleAsync(message, "acme", inbox: impatientInbox));
        Assert.Equal([("acme", message.ToString())], await EffectsAsync());
    }
}
