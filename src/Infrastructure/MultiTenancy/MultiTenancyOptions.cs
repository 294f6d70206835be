namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Configuration section <c>MultiTenancy</c>.</summary>
public sealed class MultiTenancyOptions
{
    public const string SectionName = "MultiTenancy";

    /// <summary>Resolution strategies in the order they are tried: Claim, Header, Host, Route, Static.</summary>
    public List<TenantStrategyKind> Strategies { get; set; } = [TenantStrategyKind.Claim, TenantStrategyKind.Header];

    public string HeaderName { get; set; } = "X-Tenant-ID";

    /// <summary>For the host strategy: the host pattern with a <c>{tenant}</c> placeholder, e.g. <c>{tenant}.example.com</c>.</summary>
    public string? HostTemplate { get; set; }

    /// <summary>For the route strategy: the route value holding the tenant.</summary>
    public string RouteParameter { get; set; } = "tenant";

    /// <summary>For the static strategy (single-tenant deployments): the one tenant.</summary>
    public string? StaticTenant { get; set; }

    /// <summary>The permission that lets a principal act in a tenant other than its token's (support staff).</summary>
    public string CrossTenantPermission { get; set; } = "tenants.cross";

    /// <summary>Settings every tenant inherits unless it overrides them.</summary>
    public Dictionary<string, string> Defaults { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The tenant stores in lookup order; the first that knows an id wins. Empty means
    /// <see cref="TenantStoreKind.Configuration"/> only.
    /// </summary>
    public List<TenantStoreKind> Stores { get; set; } = [];

    /// <summary>The cache in front of the database store.</summary>
    public TenantCacheOptions Cache { get; set; } = new();

    /// <summary>The configuration store: tenant id → definition.</summary>
    public Dictionary<string, TenantDefinition> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class TenantDefinition
{
    public string? Name { get; set; }

    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public enum TenantStrategyKind
{
    Claim,
    Header,
    Host,
    Route,
    Static,
}
