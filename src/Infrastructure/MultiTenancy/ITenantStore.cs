namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Where tenants are defined. Ids are compared case-insensitively.</summary>
public interface ITenantStore
{
    ValueTask<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default);
}
