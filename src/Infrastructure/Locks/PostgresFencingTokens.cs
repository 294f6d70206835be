using Npgsql;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Locks;

/// <summary>
/// The store-side half of fencing: an exclusive writer passes its lease in the transaction of its write, and the
/// write goes ahead only if no newer lease of the resource has written before. A holder whose lease ran out while it
/// was paused, and whose lock someone else took and wrote under, is refused here and rolls back, whichever lock
/// provider issued the tokens. One row per (tenant-scoped) resource holds the highest token seen.
/// </summary>
public sealed class PostgresFencingTokens(NpgsqlDataSource database, ITenantContext tenants)
{
    private const string Table = "reference_fencing_tokens";

    private volatile bool _schemaReady;

    /// <summary>
    /// Records <paramref name="lease"/>'s token for its resource in <paramref name="transaction"/>; false (and nothing
    /// recorded) when a newer token has already written, so the caller must not write and should roll back.
    /// A lease may write many times: its own token is accepted again.
    /// </summary>
    public async Task<bool> TryAdvanceAsync(NpgsqlTransaction transaction, ILockLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(lease);
        await EnsureSchemaAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {Table} (resource, fencing_token) VALUES ($1, $2)
            ON CONFLICT (resource) DO UPDATE SET fencing_token = excluded.fencing_token
              WHERE {Table}.fencing_token <= excluded.fencing_token
            RETURNING fencing_token
            """, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = TenantKeys.Scoped(tenants, lease.Resource) });
        command.Parameters.Add(new NpgsqlParameter { Value = lease.FencingToken });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        // On a connection of its own: a failure here must not abort the caller's transaction.
        try
        {
            await using var command = database.CreateCommand($"""
                CREATE TABLE IF NOT EXISTS {Table} (resource text PRIMARY KEY, fencing_token bigint NOT NULL)
                """);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another node created the table at the same moment.
        }

        _schemaReady = true;
    }
}
