using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// A process-local audit trail with the same per-tenant hash chain as the database one. For the
/// in-memory profile and tests of the pipeline; it has no transaction to join, so it appends at once.
/// </summary>
public sealed class InMemoryAuditTrail(ITenantContext tenant) : IAuditTrail
{
    private readonly Dictionary<string, List<AuditRecord>> _chains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var chain = ChainOf(record.TenantId);
            var previous = chain.Count == 0 ? null : chain[^1];
            var sequenced = record with { Sequence = (previous?.Sequence ?? 0) + 1, PreviousHash = previous?.Hash, Hash = null };
            var hashed = sequenced with { Hash = AuditHashing.Compute(sequenced, previous?.Hash) };
            chain.Add(hashed);
            return Task.FromResult(hashed);
        }
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence = 0, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditRecord> page = [.. ChainOf(tenant.RequireTenantId()).Where(r => r.Sequence > afterSequence).Take(maxCount)];
            return Task.FromResult(page);
        }
    }

    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(AuditChain.Verify(ChainOf(tenant.RequireTenantId())));
        }
    }

    /// <summary>Replaces a stored record as an attacker with database access could; for tamper-detection tests.</summary>
    public void Overwrite(AuditRecord tampered)
    {
        ArgumentNullException.ThrowIfNull(tampered);
        lock (_gate)
        {
            var chain = ChainOf(tampered.TenantId);
            chain[chain.FindIndex(r => r.Sequence == tampered.Sequence)] = tampered;
        }
    }

    private List<AuditRecord> ChainOf(string tenantId)
    {
        if (!_chains.TryGetValue(tenantId, out var chain))
        {
            chain = [];
            _chains[tenantId] = chain;
        }

        return chain;
    }
}
