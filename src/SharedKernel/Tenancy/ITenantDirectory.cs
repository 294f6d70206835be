namespace Reference.SharedKernel.Tenancy;

/// <summary>
/// The tenants of the platform, for administration: every store's tenants can be read; only the
/// writable store's can be added to or switched on and off. Not tenant-scoped: callers are
/// system-level use cases, guarded by a platform permission.
/// </summary>
public interface ITenantDirectory
{
    /// <summary>The tenant with this id (case-insensitive) from any store, or null.</summary>
    Task<TenantEntry?> FindAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Every tenant of every store, ordered by id; a store's tenant hides a later store's of the same id.</summary>
    Task<IReadOnlyList<TenantEntry>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a tenant to the writable store. It resolves as soon as the surrounding unit of work commits.</summary>
    Task<TenantChange> AddAsync(NewTenant tenant, CancellationToken cancellationToken = default);

    /// <summary>Activates or deactivates a tenant of the writable store; the change applies to requests as soon as it commits.</summary>
    Task<TenantChange> SetActiveAsync(string tenantId, bool isActive, CancellationToken cancellationToken = default);
}
