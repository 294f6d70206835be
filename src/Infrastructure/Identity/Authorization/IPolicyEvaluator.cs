using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>
/// One source of policy: role-based now, attribute-based evaluators (time, resource owner, tenant
/// plan) plug in by registering another implementation.
/// </summary>
public interface IPolicyEvaluator
{
    ValueTask<PolicyVerdict> EvaluateAsync(Principal principal, string permission, CancellationToken cancellationToken);
}

/// <summary>An evaluator's opinion: it permits, it explicitly denies, or it has nothing to say.</summary>
public enum PolicyVerdict
{
    NotApplicable,
    Permit,
    Deny,
}
