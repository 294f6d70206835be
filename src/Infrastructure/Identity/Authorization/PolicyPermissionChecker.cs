using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary><see cref="IPermissionChecker"/> answered by the same enforcement point that guards requests.</summary>
public sealed class PolicyPermissionChecker(IPolicyEnforcementPoint policies) : IPermissionChecker
{
    public async ValueTask<bool> IsGrantedAsync(Principal principal, string permission, CancellationToken cancellationToken) =>
        (await policies.EvaluateAsync(principal, permission, cancellationToken)).IsAllowed;
}
