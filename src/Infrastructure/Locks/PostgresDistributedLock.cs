using Npgsql;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Locks;

/// <summary>
/// <see cref="IDistributedLock"/> on PostgreSQL: one row per resource with its holder, its expiry by the database's
/// clock and its fencing token. Taking the lock is one upsert that succeeds only when the row is free or expired and
/// bumps the token in the same statement, so tokens only grow. A lease row rather than a session advisory lock: a
/// lease must outlive no connection, and a holder that crashed frees the lock when its lease runs out. It owns
/// <paramref name="database"/> and disposes it with itself.
/// </summary>
public sealed class PostgresDistributedLock(NpgsqlDataSource database, ITenantContext tenants) : IDistributedLock, IAsyncDisposable
{
    private const string Table = "reference_distributed_locks";

    private volatile bool _schemaReady;

    public async Task<ILockLease?> TryAcquireAsync(string resource, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var key = TenantKeys.Scoped(tenants, resource);
        await EnsureSchemaAsync(cancellationToken);
        var holder = Guid.NewGuid();
        await using var command = database.CreateCommand($"""
            INSERT INTO {Table} (resource, holder, expires_at, fencing_token)
            VALUES ($1, $2, clock_timestamp() + $3, 1)
            ON CONFLICT (resource) DO UPDATE
              SET holder = excluded.holder, expires_at = excluded.expires_at, fencing_token = {Table}.fencing_token + 1
              WHERE {Table}.expires_at <= clock_timestamp()
            RETURNING fencing_token
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = holder });
        command.Parameters.Add(new NpgsqlParameter { Value = lease });
        var token = await command.ExecuteScalarAsync(cancellationToken);
        return token is long fencingToken ? new Lease(this, resource, key, holder, fencingToken) : null;
    }

    private async Task<bool> RenewAsync(string key, Guid holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var command = database.CreateCommand($"""
            UPDATE {Table} SET expires_at = clock_timestamp() + $3
            WHERE resource = $1 AND holder = $2 AND expires_at > clock_timestamp()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = holder });
        command.Parameters.Add(new NpgsqlParameter { Value = lease });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task ReleaseAsync(string key, Guid holder)
    {
        // The row stays (it keeps the token counter); releasing only ends the lease, and only this holder's.
        await using var command = database.CreateCommand($"""
            UPDATE {Table} SET expires_at = '-infinity' WHERE resource = $1 AND holder = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = holder });
        await command.ExecuteNonQueryAsync();
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        try
        {
            await using var command = database.CreateCommand($"""
                CREATE TABLE IF NOT EXISTS {Table} (
                  resource text PRIMARY KEY,
                  holder uuid NOT NULL,
                  expires_at timestamptz NOT NULL,
                  fencing_token bigint NOT NULL)
                """);
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.DuplicateTable)
        {
            // Another caller created the table at the same moment: IF NOT EXISTS does not serialize concurrent creators,
            // and the loser sees the table's row type (42710), the table (42P07) or its catalog row (23505) already there.
            _schemaReady = true;
        }
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private sealed class Lease(PostgresDistributedLock owner, string resource, string key, Guid holder, long fencingToken) : ILockLease
    {
        public string Resource { get; } = resource;

        public long FencingToken { get; } = fencingToken;

        public Task<bool> RenewAsync(TimeSpan lease, CancellationToken cancellationToken = default) =>
            owner.RenewAsync(key, holder, lease, cancellationToken);

        public async ValueTask DisposeAsync() => await owner.ReleaseAsync(key, holder);
    }
}
