namespace Reference.SharedKernel.Events;

/// <summary>
/// What a command wants done when its write loses an optimistic-concurrency race (somebody else committed to the
/// same aggregate between its load and its save). A command states it through <see cref="IDeclaresConflictPolicy"/>;
/// the unit-of-work step of the pipeline applies it. Only the three policies below exist.
/// </summary>
public abstract record ConflictPolicy
{
    /// <summary>How many attempts a retrying policy makes unless it says otherwise.</summary>
    public const int DefaultMaxAttempts = 10;

    private protected ConflictPolicy(int maxAttempts) =>
        MaxAttempts = maxAttempts >= 1
            ? maxAttempts
            : throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "A conflict policy makes at least one attempt.");

    /// <summary>The number of times the command may run in all, the first run included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The default: the loser is refused (409, or 412 when it stated its version with <c>If-Match</c>).</summary>
    public static ConflictPolicy Reject { get; } = new RejectOnConflict();

    /// <summary>Reload and run again, up to <paramref name="maxAttempts"/> runs: for commands that commute (adding a line).</summary>
    public static ConflictPolicy Retry(int maxAttempts = DefaultMaxAttempts) => new RetryOnConflict(maxAttempts);

    /// <summary>
    /// Run again on the current state only when no concurrent change touched one of <paramref name="fields"/> of
    /// stream <paramref name="streamId"/>; otherwise refuse as <see cref="Reject"/> does.
    /// </summary>
    public static ConflictPolicy MergeFields(string streamId, params IReadOnlyCollection<string> fields) =>
        new MergeOnConflict(streamId, new HashSet<string>(fields, StringComparer.Ordinal), DefaultMaxAttempts);
}
