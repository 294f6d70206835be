namespace Reference.SharedKernel.Events;

/// <summary>
/// A lost race runs the command again, in a fresh unit of work on the aggregate as it is now, up to
/// <see cref="ConflictPolicy.MaxAttempts"/> runs in all. Only for commands whose effect does not depend on what the
/// winner changed (they commute), and never for a caller that pinned a version with <c>If-Match</c>.
/// </summary>
public sealed record RetryOnConflict : ConflictPolicy
{
    internal RetryOnConflict(int maxAttempts)
        : base(maxAttempts)
    {
    }
}
