using System.Collections.Immutable;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IAuditTrail"/> in memory: one hash chain per tenant (see <see cref="AuditHashing"/>),
/// appended inside the ambient unit of work so an audit record commits or rolls back with the change
/// it describes.
/// </summary>
public sealed class InMemoryAuditTrail(InMemoryDatabase database, ITenantContext tenants) : IAuditTrail
{
    /// <summary>
    /// The stored chains, by tenant. Public so tests can tamper with storage behind the port, as someone
    /// with direct database access could, and show that <see cref="VerifyAsync"/> notices.
    /// </summary>
    public static readonly InMemoryTable<ImmutableDictionary<string, ImmutableList<AuditRecord>>> Chains =
        new("audit", ImmutableDictionary<string, ImmutableList<AuditRecord>>.Empty);

    public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        var tenantId = tenants.RequireTenantId();
        if (!string.IsNullOrEmpty(record.TenantId) && record.TenantId != tenantId)
        {
            throw new TenantMismatchException(tenantId, $"audit record {record.Id}");
        }

        return database.WriteAsync(
            transaction =>
            {
                var chains = transaction.Get(Chains);
                var chain = chains.GetValueOrDefault(tenantId, []);
                var previous = chain.IsEmpty ? null : chain[^1];
                var linked = record with { TenantId = tenantId, Sequence = (previous?.Sequence ?? 0) + 1, PreviousHash = previous?.Hash, Hash = null };
                var sealedRecord = linked with { Hash = AuditHashing.Compute(linked, linked.PreviousHash) };
                transaction.Set(Chains, chains.SetItem(tenantId, chain.Add(sealedRecord)));
                return sealedRecord;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence = 0, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var chain = ChainOf(tenants.RequireTenantId());
        IReadOnlyList<AuditRecord> page = [.. chain.Where(r => r.Sequence > afterSequence).Take(maxCount)];
        return Task.FromResult(page);
    }

    public async Task<PagedResult<AuditRecord>> ListAsync(
        ListQuery query, FieldMap<AuditLogEntry> map, ListConstraints<AuditLogEntry> constraints, CancellationToken cancellationToken = default)
    {
        var entries = ChainOf(tenants.RequireTenantId()).Select(AuditLogEntry.From).AsQueryable();
        var page = await entries.ToListPlan(query, map, constraints).ExecuteAsync(InMemoryQueryExecutor.Instance, cancellationToken);
        return page.Map(entry => entry.Record);
    }

    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(AuditChain.Verify(ChainOf(tenants.RequireTenantId())));

    private ImmutableList<AuditRecord> ChainOf(string tenantId) => database.Read(Chains).GetValueOrDefault(tenantId, []);
}
