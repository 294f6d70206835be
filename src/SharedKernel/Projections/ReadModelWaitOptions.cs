namespace Reference.SharedKernel.Projections;

/// <summary>
/// The bounded wait of a read that asks for a minimum version (section <c>ReadModels:ConsistencyWait</c>):
/// how long a request may wait for the projection, how often it looks when no commit signal arrives, and
/// what <c>Retry-After</c> tells a client that gave up waiting.
/// </summary>
public sealed class ReadModelWaitOptions
{
    public const string Section = "ReadModels:ConsistencyWait";

    /// <summary>The longest a request waits for the read model; it holds a connection and a thread of work for that long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the document is read again when no commit signal arrives (the projection may run on another node).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The <c>Retry-After</c> sent when the wait runs out.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
