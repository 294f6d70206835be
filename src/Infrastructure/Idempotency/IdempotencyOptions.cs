namespace Reference.Infrastructure.Idempotency;

/// <summary>How idempotency keys are kept and waited for (section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered after its first use; a retry later than that runs as a new request.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim on a key protects a request that is still running. A claim older than this is taken to
    /// belong to a request that died, and the next request with the key runs in its place (if the first one does
    /// finish after all, its write is rolled back). Keep it above the longest a creating request may take.
    /// </summary>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a request waits for a concurrent one with the same key to finish, to answer with its response,
    /// before giving up with 409 <c>idempotency-key-in-flight</c>. Zero answers 409 at once.
    /// </summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a waiting request looks at the concurrent one again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many expired keys each claim removes on its way (pruning on use); 0 turns pruning off.</summary>
    public int PruneBatch { get; set; } = 20;
}
