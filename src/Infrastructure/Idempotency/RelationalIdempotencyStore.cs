using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.Idempotency;

/// <summary>
/// <see cref="IIdempotencyStore"/> on the <c>idempotency_keys</c> table of the write side (PostgreSQL or SQLite).
/// A claim is one upsert that only takes a key that is new, expired or abandoned; on PostgreSQL it waits for a
/// concurrent transaction holding the key's row (the first request's commit), so it then sees that request's
/// result. SQLite has one writer at a time, which serializes claims by itself. Times are <c>timestamptz</c> on
/// PostgreSQL and Unix milliseconds on SQLite, as in the rest of the write side.
/// </summary>
public sealed class RelationalIdempotencyStore(PersistenceSession session, TimeProvider time, IOptions<IdempotencyOptions> options)
    : IIdempotencyStore
{
    private const string Key = "tenant_id = @tenant AND principal_id = @principal AND idempotency_key = @key";

    private bool Sqlite => session.Provider == PersistenceProvider.Sqlite;

    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyScope scope, string requestHash, Guid token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestHash);
        var settings = options.Value;
        var now = time.GetUtcNow();
        return await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (settings.PruneBatch > 0)
                {
                    await PruneAsync(connection, transaction, now, settings.PruneBatch, ct);
                }

                await using (var claim = Command(connection, transaction, """
                    INSERT INTO idempotency_keys AS k
                        (tenant_id, principal_id, idempotency_key, request_hash, claim_token, locked_until, created_at, expires_at)
                    VALUES (@tenant, @principal, @key, @hash, @token, @locked_until, @now, @expires_at)
                    ON CONFLICT (tenant_id, principal_id, idempotency_key) DO UPDATE
                    SET request_hash = excluded.request_hash, claim_token = excluded.claim_token,
                        locked_until = excluded.locked_until, created_at = excluded.created_at,
                        expires_at = excluded.expires_at, completed_at = NULL, response = NULL
                    WHERE k.expires_at <= @now OR (k.completed_at IS NULL AND k.locked_until <= @now)
                    RETURNING claim_token
                    """))
                {
                    Bind(claim, scope);
                    Bind(claim, "@hash", requestHash);
                    Bind(claim, "@token", token);
                    Bind(claim, "@now", now);
                    Bind(claim, "@locked_until", now + settings.InFlightLease);

                    // Never before the lease ends, so neither a takeover nor pruning removes a request that is still running.
                    Bind(claim, "@expires_at", now + (settings.Retention > settings.InFlightLease ? settings.Retention : settings.InFlightLease));
                    if (await claim.ExecuteScalarAsync(ct) is { } claimed && ReadGuid(claimed) == token)
                    {
                        return new IdempotencyClaim(IdempotencyClaimStatus.Claimed, requestHash, null);
                    }
                }

                // Held by another request: a new statement sees what that request has committed by now.
                await using var held = Command(connection, transaction, $"SELECT request_hash, completed_at, response FROM idempotency_keys WHERE {Key}");
                Bind(held, scope);
                await using var reader = await held.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct))
                {
                    // Released between the two statements: it is free again, and the caller's next claim takes it.
                    return new IdempotencyClaim(IdempotencyClaimStatus.InFlight, requestHash, null);
                }

                return reader.IsDBNull(1)
                    ? new IdempotencyClaim(IdempotencyClaimStatus.InFlight, reader.GetString(0), null)
                    : new IdempotencyClaim(IdempotencyClaimStatus.Completed, reader.GetString(0), reader.IsDBNull(2) ? null : reader.GetString(2));
            },
            cancellationToken);
    }

    public async Task<bool> CompleteAsync(IdempotencyScope scope, Guid token, string response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(response);
        var now = time.GetUtcNow();
        return await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, $"""
                    UPDATE idempotency_keys SET completed_at = @now, response = @response
                    WHERE {Key} AND claim_token = @token AND completed_at IS NULL
                    """);
                Bind(command, scope);
                Bind(command, "@token", token);
                Bind(command, "@now", now);
                Bind(command, "@response", response);
                return await command.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);
    }

    public async Task ReleaseAsync(IdempotencyScope scope, Guid token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, $"DELETE FROM idempotency_keys WHERE {Key} AND claim_token = @token AND completed_at IS NULL");
                Bind(command, scope);
                Bind(command, "@token", token);
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public async Task<int> PruneAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var now = time.GetUtcNow();
        return await session.WriteAsync((connection, transaction, ct) => PruneAsync(connection, transaction, now, maxCount, ct), cancellationToken);
    }

    private async Task<int> PruneAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        // Oldest first, and on PostgreSQL skipping rows another transaction holds, so concurrent claims never wait on each other here.
        await using var command = Command(connection, transaction, Sqlite
            ? """
              DELETE FROM idempotency_keys WHERE rowid IN (
                  SELECT rowid FROM idempotency_keys WHERE expires_at <= @now ORDER BY expires_at LIMIT @max)
              """
            : """
              DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
                  SELECT ctid FROM idempotency_keys WHERE expires_at <= @now ORDER BY expires_at LIMIT @max FOR UPDATE SKIP LOCKED))
              """);
        Bind(command, "@now", now);
        Bind(command, "@max", maxCount);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private void Bind(DbCommand command, IdempotencyScope scope)
    {
        Bind(command, "@tenant", scope.TenantId);
        Bind(command, "@principal", scope.PrincipalId);
        Bind(command, "@key", scope.Key);
    }

    private void Bind(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = (value, Sqlite) switch
        {
            (DateTimeOffset at, true) => at.ToUnixTimeMilliseconds(),
            (DateTimeOffset at, false) => at.ToUniversalTime(),
            (Guid id, true) => id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant(),
            _ => value,
        };
        command.Parameters.Add(parameter);
    }

    private static Guid ReadGuid(object value) => value is Guid id ? id : Guid.Parse((string)value, CultureInfo.InvariantCulture);
}
