namespace Reference.SharedKernel.Tenancy;

/// <summary>How a write to the <see cref="ITenantDirectory"/> ended.</summary>
public enum TenantChange
{
    Applied,

    /// <summary>Some store already defines a tenant with this id (in any casing).</summary>
    AlreadyExists,

    NotFound,

    /// <summary>The tenant is defined in configuration, which only a deployment changes.</summary>
    DefinedInConfiguration,

    /// <summary>No writable store is configured (<c>MultiTenancy:Stores</c> lacks <c>Database</c>).</summary>
    NoWritableStore,
}
