namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>The enforcement point's final answer, with a reason fit for an error message.</summary>
public sealed record PolicyDecision(bool IsAllowed, string Reason)
{
    public static PolicyDecision Allow(string permission) => new(true, $"Permission '{permission}' granted.");

    public static PolicyDecision ExplicitlyDenied(string permission) => new(false, $"Permission '{permission}' is explicitly denied.");

    public static PolicyDecision NotGranted(string permission) => new(false, $"Permission '{permission}' is required.");
}
