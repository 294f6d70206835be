using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>
/// Deny-overrides combination: any explicit deny wins, otherwise at least one permit is needed.
/// No opinion at all means no access (fail closed).
/// </summary>
public sealed class PolicyEnforcementPoint(IEnumerable<IPolicyEvaluator> evaluators) : IPolicyEnforcementPoint
{
    private readonly IPolicyEvaluator[] _evaluators = [.. evaluators];

    public async ValueTask<PolicyDecision> EvaluateAsync(Principal principal, string permission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var permitted = false;
        foreach (var evaluator in _evaluators)
        {
            switch (await evaluator.EvaluateAsync(principal, permission, cancellationToken))
            {
                case PolicyVerdict.Deny:
                    return PolicyDecision.ExplicitlyDenied(permission);
                case PolicyVerdict.Permit:
                    permitted = true;
                    break;
            }
        }

        return permitted ? PolicyDecision.Allow(permission) : PolicyDecision.NotGranted(permission);
    }
}
