using Reference.SharedKernel.Filtering;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// The append-only audit trail. Each tenant's records form a hash chain, so an edited or deleted
/// record is detected by <see cref="VerifyAsync"/>. There is no update or delete.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends to the ambient tenant's chain (joining the active unit of work, if any).</summary>
    Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>The ambient tenant's records in chain order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence = 0, int maxCount = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// A filtered, sorted page of the ambient tenant's log. The store keeps to the ambient tenant and the module
    /// adds <paramref name="constraints"/> on top, so neither alone can be widened by the filter.
    /// </summary>
    /// <exception cref="FilterException">Any invalid filter, sort, paging or cursor input, before the store is touched.</exception>
    Task<PagedResult<AuditRecord>> ListAsync(ListQuery query, FieldMap<AuditLogEntry> map, ListConstraints<AuditLogEntry> constraints, CancellationToken cancellationToken = default);

    /// <summary>Walks the ambient tenant's chain (from its retention anchor, if any) and reports the first broken link, if any.</summary>
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}

public sealed record AuditChainVerification(bool IsValid, long RecordsChecked, long? FirstBrokenSequence);
