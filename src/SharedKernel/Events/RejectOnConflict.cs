namespace Reference.SharedKernel.Events;

/// <summary>A lost race is the caller's answer: 409 (or 412 with <c>If-Match</c>), nothing written.</summary>
public sealed record RejectOnConflict : ConflictPolicy
{
    internal RejectOnConflict()
        : base(1)
    {
    }
}
