namespace Reference.SharedKernel.Tenancy;

/// <summary>Where a tenant is defined, which decides whether administration can change it.</summary>
public enum TenantSource
{
    /// <summary>Application configuration: read-only at run time, changed by deployment.</summary>
    Configuration,

    /// <summary>The tenant store's table: created and (de)activated through the API.</summary>
    Database,
}
