using Microsoft.FeatureManagement.FeatureFilters;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.FeatureFlags;

/// <summary>
/// Feeds Microsoft.FeatureManagement's targeting filter (<c>Microsoft.Targeting</c>: users, groups, rollout) from the
/// ambient principal: the user id, and as groups its roles and <c>tenant:{id}</c> of the resolved tenant.
/// </summary>
public sealed class PrincipalTargetingContextAccessor(ICurrentUser currentUser, ITenantContext tenant) : ITargetingContextAccessor
{
    public ValueTask<TargetingContext> GetContextAsync()
    {
        var principal = currentUser.Principal;
        var groups = principal.Roles.ToList();
        if (tenant.TenantId is { } tenantId)
        {
            groups.Add($"tenant:{tenantId}");
        }

        return ValueTask.FromResult(new TargetingContext
        {
            UserId = principal.IsAuthenticated ? principal.UserId : null,
            Groups = groups,
        });
    }
}
