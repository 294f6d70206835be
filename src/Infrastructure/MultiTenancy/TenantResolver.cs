using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity;

namespace Reference.Infrastructure.MultiTenancy;

/// <summary>
/// Resolves a request's tenant: the configured strategies run in order and the first identifier a
/// store knows wins (refused when that tenant is deactivated). Before that, a header that disagrees with the token's tenant claim is refused
/// unless the principal holds the cross-tenant permission.
/// </summary>
public sealed class TenantResolver(IOptionsMonitor<MultiTenancyOptions> options, ITenantStore store)
{
    public async ValueTask<TenantResolution> ResolveAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.CurrentValue;
        var claimTenant = TenantStrategies.FromClaim(context);
        var headerTenant = TenantStrategies.FromHeader(context, settings);
        if (claimTenant is not null && headerTenant is not null
            && !string.Equals(claimTenant, headerTenant, StringComparison.OrdinalIgnoreCase)
            && !HasCrossTenantPermission(context, settings))
        {
            return new TenantResolution.Mismatch(claimTenant, headerTenant);
        }

        // A cross-tenant caller's explicit header choice takes precedence over its own claim.
        var strategies = headerTenant is not null && claimTenant is not null
            ? settings.Strategies.OrderBy(s => s == TenantStrategyKind.Header ? 0 : 1)
            : settings.Strategies.AsEnumerable();

        string? firstUnknown = null;
        foreach (var strategy in strategies)
        {
            var candidate = TenantStrategies.Resolve(strategy, context, settings);
            if (string.IsNullOrWhiteSpace(candidate))
            {
                continue;
            }

            if (await store.FindAsync(candidate, cancellationToken) is { } tenant)
            {
                return tenant.IsActive ? new TenantResolution.Resolved(tenant) : new TenantResolution.Deactivated(tenant.Id);
            }

            firstUnknown ??= candidate;
        }

        return firstUnknown is null ? new TenantResolution.Missing() : new TenantResolution.Unknown(firstUnknown);
    }

    private static bool HasCrossTenantPermission(HttpContext context, MultiTenancyOptions settings) =>
        PrincipalFactory.From(context.User).HasPermission(settings.CrossTenantPermission);
}
