namespace Reference.SharedKernel.Events;

/// <summary>
/// An optimistic concurrency check failed: somebody else wrote first. Carries the version the
/// writer expected and the one the store holds, so callers can reload and retry.
/// </summary>
public sealed class ConcurrencyConflictException(string resourceId, string expected, long actualVersion)
    : Exception($"'{resourceId}' was expected at version {expected} but is at version {actualVersion}.")
{
    public string ResourceId { get; } = resourceId;

    public string Expected { get; } = expected;

    public long ActualVersion { get; } = actualVersion;
}
