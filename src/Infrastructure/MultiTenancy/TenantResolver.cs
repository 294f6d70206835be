using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity;
using Reference.Infrastructure.Identity.Authorization;

namespace Reference.Infrastructure.MultiTenancy;

/// <summary>
/// Resolves a request's tenant, bound to the caller's token whatever the strategy order:
/// <list type="bullet">
/// <item>A token that names a tenant (<c>tenant_id</c>) acts in that tenant. A header, host or route naming another
/// one is a <see cref="TenantResolution.Mismatch"/>, unless the caller holds <see cref="MultiTenancyOptions.CrossTenantPermission"/>:
/// then the first of them (in strategy order) is the tenant. The static tenant is a default, so the claim overrides it.</item>
/// <item>A token that names no tenant acts in none: whatever tenant a strategy names is
/// <see cref="TenantResolution.NotPermitted"/>, unless the caller holds the cross-tenant permission.</item>
/// <item>An anonymous request (a login endpoint, say) takes the first identifier a store knows from the other strategies.</item>
/// </list>
/// The permission is asked of the policy enforcement point, where only a role or token that names it grants it
/// (it is a <c>platform.</c> permission, which no tenant role's wildcard covers). The tenant must then be known
/// (<see cref="TenantResolution.Unknown"/>) and active (<see cref="TenantResolution.Deactivated"/>).
/// </summary>
public sealed class TenantResolver(IOptionsMonitor<MultiTenancyOptions> options, ITenantStore store, IPolicyEnforcementPoint policies)
{
    public async ValueTask<TenantResolution> ResolveAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.CurrentValue;
        var named = NamedByRequest(context, settings);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return await FirstKnownAsync(named.Select(n => n.TenantId), cancellationToken);
        }

        if (TenantStrategies.FromClaim(context) is { Length: > 0 } claimed)
        {
            var others = named
                .Where(n => n.Kind != TenantStrategyKind.Static && !string.Equals(n.TenantId, claimed, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (others.Count == 0)
            {
                return await FirstKnownAsync([claimed], cancellationToken);
            }

            return await MayActInAnyTenantAsync(context, settings, cancellationToken)
                ? await FirstKnownAsync([others[0].TenantId], cancellationToken)
                : new TenantResolution.Mismatch(claimed, others[0].TenantId);
        }

        if (named.Count == 0)
        {
            return new TenantResolution.Missing();
        }

        return await MayActInAnyTenantAsync(context, settings, cancellationToken)
            ? await FirstKnownAsync(named.Select(n => n.TenantId), cancellationToken)
            : new TenantResolution.NotPermitted(named[0].TenantId);
    }

    // Every identifier the strategies other than the claim find, in strategy order.
    private static List<(TenantStrategyKind Kind, string TenantId)> NamedByRequest(HttpContext context, MultiTenancyOptions settings) =>
        settings.EffectiveStrategies
            .Where(kind => kind != TenantStrategyKind.Claim)
            .Select(kind => (Kind: kind, TenantId: TenantStrategies.Resolve(kind, context, settings)?.Trim()))
            .Where(n => !string.IsNullOrEmpty(n.TenantId))
            .Select(n => (n.Kind, n.TenantId!))
            .ToList();

    private async ValueTask<TenantResolution> FirstKnownAsync(IEnumerable<string> candidates, CancellationToken cancellationToken)
    {
        string? firstUnknown = null;
        foreach (var candidate in candidates)
        {
            if (await store.FindAsync(candidate, cancellationToken) is { } tenant)
            {
                return tenant.IsActive ? new TenantResolution.Resolved(tenant) : new TenantResolution.Deactivated(tenant.Id);
            }

            firstUnknown ??= candidate;
        }

        return firstUnknown is null ? new TenantResolution.Missing() : new TenantResolution.Unknown(firstUnknown);
    }

    private async ValueTask<bool> MayActInAnyTenantAsync(HttpContext context, MultiTenancyOptions settings, CancellationToken cancellationToken) =>
        (await policies.EvaluateAsync(PrincipalFactory.From(context.User), settings.CrossTenantPermission, cancellationToken)).IsAllowed;
}
