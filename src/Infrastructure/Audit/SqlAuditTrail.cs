using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
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
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        record = record with { TenantId = ChainOf(record) };
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

    /// <summary>
    /// Walks the chain a page of <see cref="AuditOptions.VerifyPageSize"/> records at a time (keyset pages in sequence
    /// order), so memory stays bounded however long the chain is. The anchor and every page are read in one read-only
    /// snapshot (REPEATABLE READ on PostgreSQL, a read transaction on SQLite), so pruning that runs meanwhile cannot
    /// make an intact chain look broken.
    /// </summary>
    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.RequireTenantId();
        var pageSize = options.Value.VerifyPageSize;
        return session.ReadCommittedAsync(
            async (connection, ct) =>
            {
                await using var snapshot = await BeginSnapshotAsync(connection, ct);
                AuditChainAnchor? link = null;
                await using (var anchor = Command(connection, snapshot, "SELECT sequence, hash FROM audit_anchors WHERE tenant_id = @tenant"))
                {
                    Add(anchor, "tenant", tenantId);
                    await using var reader = await anchor.ExecuteReaderAsync(ct);
                    if (await reader.ReadAsync(ct))
                    {
                        link = new AuditChainAnchor(reader.GetInt64(0), reader.GetString(1));
                    }
                }

                // From the very first stored row, not from the anchor: a row left (or forged) below the anchor breaks the chain.
                long checkedCount = 0, after = long.MinValue;
                while (true)
                {
                    var page = await ReadPageAsync(connection, snapshot, tenantId, after, pageSize, ct);
                    if (page.Count == 0)
                    {
                        return new AuditChainVerification(true, checkedCount, null);
                    }

                    // Each page continues from the last link verified, as the first continues from the retention anchor.
                    var verified = AuditChain.Verify(page.Select(r => r.Record), link);
                    checkedCount += verified.RecordsChecked;
                    if (!verified.IsValid)
                    {
                        return verified with { RecordsChecked = checkedCount };
                    }

                    var last = page[^1];
                    link = new AuditChainAnchor(last.Record.Sequence, last.Record.Hash!);
                    after = last.StoredSequence;
                    if (page.Count < pageSize)
                    {
                        return new AuditChainVerification(true, checkedCount, null);
                    }
                }
            },
            cancellationToken);
    }

    private static async Task<List<(long StoredSequence, AuditRecord Record)>> ReadPageAsync(
        DbConnection connection, DbTransaction snapshot, string tenantId, long after, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection, snapshot, "SELECT sequence, record FROM audit_log WHERE tenant_id = @tenant AND sequence > @after ORDER BY sequence LIMIT @page");
        Add(command, "tenant", tenantId);
        Add(command, "after", after);
        Add(command, "page", pageSize);
        var page = new List<(long, AuditRecord)>(pageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((reader.GetInt64(0), AuditRecordJson.Deserialize(reader.GetString(1))));
        }

        return page;
    }

    private static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            // Deferred: a read transaction that takes no write lock; its first read fixes what the rest see.
            return sqlite.BeginTransaction(deferred: true);
        }

        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var readOnly = Command(connection, transaction, "SET TRANSACTION READ ONLY");
        await readOnly.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    // The ambient tenant's chain, which a record naming another tenant cannot reach. Work outside any tenant (the
    // system scope, or before a tenant is known) is recorded by AuditRecorder in the system chain, and only there.
    private string ChainOf(AuditRecord record)
    {
        var tenantId = tenant.TenantId
            ?? (record.TenantId == AuditRecorder.SystemTenant ? AuditRecorder.SystemTenant : throw new TenantRequiredException());
        if (!string.IsNullOrEmpty(record.TenantId) && record.TenantId != tenantId)
        {
            throw new TenantMismatchException(tenantId, $"audit record {record.Id}");
        }

        return tenantId;
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
