using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// The audit trail in the application database (PostgreSQL or SQLite), table <c>audit_log</c>.
/// An append joins the active unit of work, so a success record commits with the business change.
/// Appends to one tenant's chain are serialized (an advisory lock on PostgreSQL, the single writer
/// on SQLite) so each record links to the true previous head. The code has no update or delete
/// path; see docs/api.md for granting the application role INSERT and SELECT only.
/// </summary>
public sealed class SqlAuditTrail(PersistenceSession session, ITenantContext tenant) : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (session.Provider == PersistenceProvider.Postgres)
                {
                    await using var lockChain = Command(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('audit:' || @tenant))");
                    Add(lockChain, "tenant", record.TenantId);
                    await lockChain.ExecuteNonQueryAsync(ct);
                }

                long previousSequence = 0;
                string? previousHash = null;
                await using (var head = Command(connection, transaction, "SELECT sequence, hash FROM audit_log WHERE tenant_id = @tenant ORDER BY sequence DESC LIMIT 1"))
                {
                    Add(head, "tenant", record.TenantId);
                    await using var reader = await head.ExecuteReaderAsync(ct);
                    if (await reader.ReadAsync(ct))
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
                    INSERT INTO audit_log (tenant_id, sequence, id, occurred_at, action, outcome, actor_id, resource_type, resource_id, correlation_id, record, previous_hash, hash)
                    VALUES (@tenant, @sequence, @id, @occurred_at, @action, @outcome, @actor_id, @resource_type, @resource_id, @correlation_id, @record, @previous_hash, @hash)
                    """);
                Add(insert, "tenant", hashed.TenantId);
                Add(insert, "sequence", hashed.Sequence);
                Add(insert, "id", hashed.Id.ToString());
                Add(insert, "occurred_at", hashed.OccurredAt.ToString("O", CultureInfo.InvariantCulture));
                Add(insert, "action", hashed.Action);
                Add(insert, "outcome", hashed.Outcome.ToString());
                Add(insert, "actor_id", hashed.Actor.UserId);
                Add(insert, "resource_type", hashed.Resource?.Type);
                Add(insert, "resource_id", hashed.Resource?.Id);
                Add(insert, "correlation_id", hashed.CorrelationId);
                Add(insert, "record", JsonSerializer.Serialize(hashed, Json));
                Add(insert, "previous_hash", hashed.PreviousHash);
                Add(insert, "hash", hashed.Hash);
                await insert.ExecuteNonQueryAsync(ct);
                return hashed;
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
                return await ReadRecordsAsync(command, ct);
            },
            cancellationToken);
    }

    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.RequireTenantId();
        return session.ReadCommittedAsync(
            async (connection, ct) =>
            {
                await using var command = Command(connection, null, "SELECT record FROM audit_log WHERE tenant_id = @tenant ORDER BY sequence");
                Add(command, "tenant", tenantId);
                return AuditChain.Verify(await ReadRecordsAsync(command, ct));
            },
            cancellationToken);
    }

    private static async Task<List<AuditRecord>> ReadRecordsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(JsonSerializer.Deserialize<AuditRecord>(reader.GetString(0), Json)!);
        }

        return records;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
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
}
