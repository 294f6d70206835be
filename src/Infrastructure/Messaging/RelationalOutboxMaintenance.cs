using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// <see cref="IOutboxMaintenance"/> over the write side's <c>outbox</c> table, which the relational
/// read store shares a database with. Plain SQL that PostgreSQL and SQLite both accept.
/// </summary>
public sealed class RelationalOutboxMaintenance(IDbContextFactory<ProjectionsDbContext> contexts, ITenantContext tenants, TimeProvider time)
    : IOutboxMaintenance
{
    public async Task<IReadOnlyList<OutboxDeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        var tenantId = TenantFilter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT message_id, tenant_id, destination, type, attempts, last_error, dead_lettered_at
            FROM outbox
            WHERE dead_lettered_at IS NOT NULL AND processed_at IS NULL {(tenantId is null ? "" : "AND tenant_id = @tenant")}
            ORDER BY sequence
            LIMIT @limit
            """;
        if (tenantId is not null)
        {
            Add(command, "tenant", tenantId);
        }

        Add(command, "limit", limit);
        var list = new List<OutboxDeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new OutboxDeadLetter(
                reader.GetFieldValue<Guid>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                await reader.IsDBNullAsync(5, cancellationToken) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return list;
    }

    public async Task<bool> RedriveAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var tenantId = TenantFilter();
        var now = time.GetUtcNow().ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = tenantId is null
            ? await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE outbox SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = {now}, last_error = NULL, lease_owner = NULL, lease_until = NULL
                WHERE message_id = {messageId} AND dead_lettered_at IS NOT NULL
                """,
                cancellationToken)
            : await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE outbox SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = {now}, last_error = NULL, lease_owner = NULL, lease_until = NULL
                WHERE message_id = {messageId} AND dead_lettered_at IS NOT NULL AND tenant_id = {tenantId}
                """,
                cancellationToken);
        return updated == 1;
    }

    public async Task<int> PurgeProcessedAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        var cutoff = before.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM outbox WHERE sequence IN (
                SELECT sequence FROM outbox WHERE processed_at IS NOT NULL AND processed_at < {cutoff}
                ORDER BY sequence LIMIT {batchSize})
            """,
            cancellationToken);
    }

    private string? TenantFilter() => tenants.IsSystemScope ? null : tenants.RequireTenantId();

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
