using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>Decides whether a principal may exercise a permission, by combining every registered <see cref="IPolicyEvaluator"/>.</summary>
public interface IPolicyEnforcementPoint
{
    ValueTask<PolicyDecision> EvaluateAsync(Principal principal, string permission, CancellationToken cancellationToken = default);
}
