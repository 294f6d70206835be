namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Where tenants can be defined; <c>MultiTenancy:Stores</c> lists the ones in use, in lookup order.</summary>
public enum TenantStoreKind
{
    /// <summary>The <c>MultiTenancy:Tenants</c> configuration section.</summary>
    Configuration,

    /// <summary>The <c>tenants</c> table in the application database, cached.</summary>
    Database,
}
