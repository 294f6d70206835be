using System.Linq.Expressions;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// What a caller may never see past: the tenant, and an authorization predicate from the access-control policy
/// (e.g. "sales see only their own orders"). Applied as separate <c>Where</c> calls before the user filter, so
/// no <c>|</c>, parenthesis or escape in the filter can widen them.
/// </summary>
public sealed class ListConstraints<T>
{
    private ListConstraints(string? tenantId, bool acrossTenants, Expression<Func<T, bool>>? authorization)
    {
        TenantId = tenantId;
        AcrossTenants = acrossTenants;
        Authorization = authorization;
    }

    /// <summary>The tenant rows must belong to; null only when <see cref="AcrossTenants"/>.</summary>
    public string? TenantId { get; }

    public bool AcrossTenants { get; }

    public Expression<Func<T, bool>>? Authorization { get; }

    public static ListConstraints<T> ForTenant(string tenantId, Expression<Func<T, bool>>? authorization = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ListConstraints<T>(tenantId, acrossTenants: false, authorization);
    }

    /// <summary>
    /// The ambient tenant; an explicit system scope lists across tenants. No tenant at all fails closed with
    /// <see cref="TenantRequiredException"/>.
    /// </summary>
    public static ListConstraints<T> FromContext(ITenantContext tenants, Expression<Func<T, bool>>? authorization = null) =>
        tenants.IsSystemScope
            ? new ListConstraints<T>(null, acrossTenants: true, authorization)
            : ForTenant(tenants.RequireTenantId(), authorization);
}
