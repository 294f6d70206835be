namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Configuration section <c>MultiTenancy</c>.</summary>
public sealed class MultiTenancyOptions
{
    public const string SectionName = "MultiTenancy";

    /// <summary>The default of <see cref="CrossTenantPermission"/>.</summary>
    public const string DefaultCrossTenantPermission = "platform.tenants.act-as";

    /// <summary>The strategies used when <see cref="Strategies"/> names none.</summary>
    public static readonly IReadOnlyList<TenantStrategyKind> DefaultStrategies = [TenantStrategyKind.Claim, TenantStrategyKind.Header];

    /// <summary>
    /// Where a request names its tenant, in the order they are tried: Claim, Header, Host, Route, Static; empty means
    /// <see cref="DefaultStrategies"/>. The order never outranks the token: an authenticated caller's <c>tenant_id</c>
    /// claim decides its tenant whatever the order (see <see cref="TenantResolver"/>).
    /// </summary>
    /// <remarks>
    /// Empty by default rather than initialised with the defaults: the configuration binder appends to a list it
    /// finds filled, so a configured order would otherwise come after the defaults instead of replacing them.
    /// </remarks>
    public List<TenantStrategyKind> Strategies { get; set; } = [];

    /// <summary>The configured strategies, or the defaults.</summary>
    public IReadOnlyList<TenantStrategyKind> EffectiveStrategies => Strategies.Count == 0 ? DefaultStrategies : Strategies;

    public string HeaderName { get; set; } = "X-Tenant-ID";

    /// <summary>For the host strategy: the host pattern with a <c>{tenant}</c> placeholder, e.g. <c>{tenant}.example.com</c>.</summary>
    public string? HostTemplate { get; set; }

    /// <summary>For the route strategy: the route value holding the tenant.</summary>
    public string RouteParameter { get; set; } = "tenant";

    /// <summary>For the static strategy (single-tenant deployments): the one tenant.</summary>
    public string? StaticTenant { get; set; }

    /// <summary>
    /// The permission that lets a principal act in a tenant other than the one its token names, or in any tenant when
    /// its token names none (support staff). It spans tenants, so it must be a <c>platform.</c> permission: the
    /// wildcard of a tenant role never grants it.
    /// </summary>
    public string CrossTenantPermission { get; set; } = DefaultCrossTenantPermission;

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
