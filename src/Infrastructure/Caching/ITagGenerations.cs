namespace Reference.Infrastructure.Caching;

/// <summary>
/// One counter per (tenant-scoped) tag, bumped by every invalidation of the tag. A reader notes the counters of its
/// entry's tags before it computes the value and stores the value only if they have not moved since: a read that
/// started before a committed write cannot put its stale value back after that write's invalidation.
/// </summary>
public interface ITagGenerations
{
    /// <summary>A stamp of the tags' counters (their sum: they only grow), or null when the counters cannot be read.</summary>
    Task<long?> StampAsync(IReadOnlyList<string> scopedTags, CancellationToken cancellationToken);

    Task BumpAsync(string scopedTag, CancellationToken cancellationToken);
}
