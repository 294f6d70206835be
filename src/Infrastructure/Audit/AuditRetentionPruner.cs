using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Audit.Database;
using Reference.Infrastructure.MultiTenancy;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// Retention: removes each tenant's records older than its retention period, oldest first, in batches of
/// <see cref="AuditRetentionOptions.BatchSize"/>, one transaction per batch. Every batch moves the tenant's
/// anchor to the last record it removed (its sequence and hash) in the same transaction, so verification
/// resumes from the anchor and the records kept still prove they are unbroken. Only a contiguous prefix of
/// the chain is removed: the first record inside the retention period stops pruning for that tenant.
/// This is the one delete path of the audit trail, and it only ever touches one tenant's rows at a time.
/// </summary>
public sealed partial class AuditRetentionPruner(
    DatabaseConnector connector,
    ITenantStore tenants,
    IOptions<AuditOptions> options,
    TimeProvider clock,
    ILogger<AuditRetentionPruner> logger)
{
    /// <summary>Prunes every tenant that has records, each by its own retention period. Returns the records removed.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken = default)
    {
        long removed = 0;
        foreach (var tenantId in await TenantsWithRecordsAsync(cancellationToken))
        {
            if (await RetentionOfAsync(tenantId, cancellationToken) is { } period)
            {
                removed += await PruneTenantAsync(tenantId, clock.GetUtcNow() - period, cancellationToken);
            }
        }

        return removed;
    }

    /// <summary>Removes <paramref name="tenantId"/>'s records that occurred before <paramref name="cutoff"/>. Returns how many.</summary>
    public async Task<long> PruneTenantAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var batchSize = options.Value.Retention.BatchSize;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long removed = 0;
        while (true)
        {
            var batch = await PruneBatchAsync(tenantId, cutoff, batchSize, cancellationToken);
            removed += batch;
            if (batch < batchSize)
            {
                break;
            }
        }

        if (removed > 0)
        {
            LogPruned(logger, removed, tenantId, cutoff);
        }

        return removed;
    }

    private async Task<int> PruneBatchAsync(string tenantId, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connector.BeginWriteTransactionAsync(connection, cancellationToken);
        if (connector.Provider == PersistenceProvider.Postgres)
        {
            await using var lockChain = SqlAuditTrail.Command(connection, transaction, AuditChainLock.Sql);
            SqlAuditTrail.Add(lockChain, "tenant", tenantId);
            await lockChain.ExecuteNonQueryAsync(cancellationToken);
        }

        var (count, last) = await ExpiredPrefixAsync(connection, transaction, tenantId, cutoff, batchSize, cancellationToken);
        if (last is not { } anchor)
        {
            return 0;
        }

        await using (var delete = SqlAuditTrail.Command(connection, transaction, "DELETE FROM audit_log WHERE tenant_id = @tenant AND sequence <= @last"))
        {
            SqlAuditTrail.Add(delete, "tenant", tenantId);
            SqlAuditTrail.Add(delete, "last", anchor.Sequence);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = SqlAuditTrail.Command(
            connection,
            transaction,
            """
            INSERT INTO audit_anchors (tenant_id, sequence, hash, pruned_count, pruned_at)
            VALUES (@tenant, @sequence, @hash, @count, @at)
            ON CONFLICT (tenant_id) DO UPDATE SET
                sequence = excluded.sequence,
                hash = excluded.hash,
                pruned_count = audit_anchors.pruned_count + excluded.pruned_count,
                pruned_at = excluded.pruned_at
            """))
        {
            SqlAuditTrail.Add(upsert, "tenant", tenantId);
            SqlAuditTrail.Add(upsert, "sequence", anchor.Sequence);
            SqlAuditTrail.Add(upsert, "hash", anchor.Hash);
            SqlAuditTrail.Add(upsert, "count", (long)count);
            SqlAuditTrail.Add(upsert, "at", AuditStoredTime.Of(clock.GetUtcNow(), connector.Provider));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    // The oldest records in chain order, up to the first one still inside the retention period.
    private async Task<(int Count, (long Sequence, string Hash)? Last)> ExpiredPrefixAsync(
        DbConnection connection, DbTransaction transaction, string tenantId, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        await using var oldest = SqlAuditTrail.Command(
            connection,
            transaction,
            """
            SELECT sequence, hash, CASE WHEN occurred_at < @cutoff THEN 1 ELSE 0 END AS expired
            FROM audit_log WHERE tenant_id = @tenant ORDER BY sequence LIMIT @batch
            """);
        SqlAuditTrail.Add(oldest, "tenant", tenantId);
        SqlAuditTrail.Add(oldest, "cutoff", AuditStoredTime.Of(cutoff, connector.Provider));
        SqlAuditTrail.Add(oldest, "batch", batchSize);
        var count = 0;
        (long, string)? last = null;
        await using var reader = await oldest.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture) == 1)
        {
            count++;
            last = (reader.GetInt64(0), reader.GetString(1));
        }

        return (count, last);
    }

    private async Task<IReadOnlyList<string>> TenantsWithRecordsAsync(CancellationToken cancellationToken)
    {
        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = SqlAuditTrail.Command(connection, null, "SELECT DISTINCT tenant_id FROM audit_log");
        var tenantIds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tenantIds.Add(reader.GetString(0));
        }

        return tenantIds;
    }

    // The tenant's own setting wins over Audit:Retention:Period; a value that does not parse keeps everything.
    private async Task<TimeSpan?> RetentionOfAsync(string tenantId, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindAsync(tenantId, cancellationToken);
        if (tenant?.Settings.TryGetValue(AuditRetentionOptions.TenantSetting, out var setting) != true || string.IsNullOrWhiteSpace(setting))
        {
            return options.Value.Retention.Period;
        }

        if (string.Equals(setting.Trim(), AuditRetentionOptions.Forever, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (TimeSpan.TryParse(setting, CultureInfo.InvariantCulture, out var period) && period > TimeSpan.Zero)
        {
            return period;
        }

        LogInvalidRetention(logger, tenantId, setting);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention removed {Count} record(s) of tenant {TenantId} older than {Cutoff}.")]
    private static partial void LogPruned(ILogger logger, long count, string tenantId, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} has an invalid AuditRetention setting '{Setting}'; its audit records are kept.")]
    private static partial void LogInvalidRetention(ILogger logger, string tenantId, string setting);
}
