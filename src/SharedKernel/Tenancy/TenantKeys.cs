namespace Reference.SharedKernel.Tenancy;

/// <summary>
/// Builds storage keys scoped to the ambient tenant, for adapters of flat key spaces (cache, locks,
/// blobs). The tenant id is length-prefixed, so no choice of tenant id and key can produce another
/// tenant's key; the system scope has a prefix of its own that no tenant prefix can equal.
/// </summary>
public static class TenantKeys
{
    public const string SystemPrefix = "~system/";

    /// <summary>The prefix of every key of the current scope; <see cref="TenantRequiredException"/> outside any scope.</summary>
    public static string Prefix(ITenantContext tenants)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        if (tenants.IsSystemScope)
        {
            return SystemPrefix;
        }

        var tenantId = tenants.RequireTenantId();
        return $"{tenantId.Length}:{tenantId}/";
    }

    public static string Scoped(ITenantContext tenants, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Prefix(tenants) + key;
    }
}
