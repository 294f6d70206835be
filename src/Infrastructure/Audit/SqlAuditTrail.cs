using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Audit.Database;
using Reference.Infrastructure.Filtering;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// The audit trail in the application database (PostgreSQL or SQLite), tables <c>audit_log</c> and
/// <c>audit_anchors</c> (see <see cref="AuditDbContext"/>). An append joins the active unit of work, so a
/// success record commits with the business change. Appends to one tenant's chain are serialized (an
/// advisory lock on PostgreSQL, the single writer on SQLite) so each record links to the true previous
/// head, or to the retention anchor once every older record was pruned. The code has no update path and
/// deletes only through <see cref="AuditRetentionPruner"/>; see docs/api.md for the database grants.
/// </summary>
public sealed class SqlAuditTrail(
    PersistenceSession session,
    ITenantContext tenant,
    AuditDbContextFactory contexts,
    IOptions<AuditOptions> options) : IAuditTrail
{
    private const string FailOpenSavepoint = "audit_append";

    public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (options.Value.FailurePolicy == AuditFailurePolicy.FailClosed)
                {
                    return await InsertAsync(connection, transaction, record, ct);
                }

                // Fail open: a failed insert must not doom the business transaction it joined (PostgreSQL
                // refuses every later statement of a transaction with a failed one), so it runs in a savepoint.
                await transaction.SaveAsync(FailOpenSavepoint, ct);
                try
                {
                    var inserted = await InsertAsync(connection, transaction, record, ct);
                    await transaction.ReleaseAsync(FailOpenSavepoint, ct);
                    return inserted;
                }
                catch (DbException)
                {
                    await transaction.RollbackAsync(FailOpenSavepoint, CancellationToken.None);
                    throw;
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence = 0, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.RequireTenantId();
        return session.ReadAsync<IReadOnlyList<AuditRecord>>(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, "SELECT record FROM audit_log WHERE tenant_id = @tenant AND sequence > @after ORDER BY sequence LIMIT @max");
                Add(command, "tenant", tenantId);
                Add(command, "after", afterSequence);
                Add(command, "max", maxCount);
                var records = new List<AuditRecord>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    records.Add(AuditRecordJson.Deserialize(reader.GetString(0)));
                }

                return records;
            },
            cancellationToken);
    }

    public async Task<PagedResult<AuditRecord>> ListAsync(
        ListQuery query, FieldMap<AuditLogEntry> map, ListConstraints<AuditLogEntry> constraints, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.RequireTenantId();
        await using var context = contexts.Create();
        var page = await context.Entries.AsNoTracking()
            .Where(e => e.TenantId == tenantId)
            .ToListPlan(query, map, constraints)
            .ExecuteAsync(EfCoreQueryExecutor.Instance, cancellationToken);
        return page.Map(entry => entry.Record);
    }

    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.RequireTenantId();
        return session.ReadCommittedAsync(
            async (connection, ct) =>
            {
                // One statement, so the anchor and the records come from one snapshot even while pruning runs.
                await using var command = Command(
                    connection,
                    null,
                    """
                    SELECT 0 AS part, sequence, hash AS content FROM audit_anchors WHERE tenant_id = @tenant
                    UNION ALL
                    SELECT 1 AS part, sequence, record AS content FROM audit_log WHERE tenant_id = @tenant
                    ORDER BY part, sequence
                    """);
                Add(command, "tenant", tenantId);
                AuditChainAnchor? anchor = null;
                var records = new List<AuditRecord>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    if (reader.GetInt32(0) == 0)
                    {
                        anchor = new AuditChainAnchor(reader.GetInt64(1), reader.GetString(2));
                    }
                    else
                    {
                        records.Add(AuditRecordJson.Deserialize(reader.GetString(2)));
                    }
                }

                return AuditChain.Verify(records, anchor);
            },
            cancellationToken);
    }

    private async Task<AuditRecord> InsertAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken cancellationToken)
    {
        if (session.Provider == PersistenceProvider.Postgres)
        {
            await using var lockChain = Command(connection, transaction, AuditChainLock.Sql);
            Add(lockChain, "tenant", record.TenantId);
            await lockChain.ExecuteNonQueryAsync(cancellationToken);
        }

        // The head is the newest record, or the retention anchor when pruning removed every record.
        long previousSequence = 0;
        string? previousHash = null;
        await using (var head = Command(
            connection,
            transaction,
            """
            SELECT sequence, hash FROM (SELECT sequence, hash FROM audit_log WHERE tenant_id = @tenant ORDER BY sequence DESC LIMIT 1) AS newest
            UNION ALL
            SELECT sequence, hash FROM audit_anchors WHERE tenant_id = @tenant
            ORDER BY sequence DESC LIMIT 1
            """))
        {
            Add(head, "tenant", record.TenantId);
            await using var reader = await head.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                previousSequence = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }

        var sequenced = record with { Sequence = previousSequence + 1, PreviousHash = previousHash, Hash = null };
        var hashed = sequenced with { Hash = AuditHashing.Compute(sequenced, previousHash) };
        await using var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO audit_log (tenant_id, sequence, id, occurred_at, action, outcome, reason, actor_id, resource_type, resource_id, correlation_id, record, previous_hash, hash)
            VALUES (@tenant, @sequence, @id, @occurred_at, @action, @outcome, @reason, @actor_id, @resource_type, @resource_id, @correlation_id, @record, @previous_hash, @hash)
            """);
        Add(insert, "tenant", hashed.TenantId);
        Add(insert, "sequence", hashed.Sequence);
        Add(insert, "id", hashed.Id.ToString());
        Add(insert, "occurred_at", AuditStoredTime.Of(hashed.OccurredAt, session.Provider));
        Add(insert, "action", hashed.Action);
        Add(insert, "outcome", hashed.Outcome.ToString());
        Add(insert, "reason", hashed.Reason);
        Add(insert, "actor_id", hashed.Actor.UserId);
        Add(insert, "resource_type", hashed.Resource?.Type);
        Add(insert, "resource_id", hashed.Resource?.Id);
        Add(insert, "correlation_id", hashed.CorrelationId);
        Add(insert, "record", AuditRecordJson.Serialize(hashed));
        Add(insert, "previous_hash", hashed.PreviousHash);
        Add(insert, "hash", hashed.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return hashed;
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    internal static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
