namespace Reference.Infrastructure.Caching;

/// <summary>
/// One counter per (tenant-scoped) tag, bumped by every invalidation of the tag. An entry is stored with the stamp of
/// its tags' counters read before its value was computed, and served only while the counters still give that stamp:
/// a read that started before a committed write can never serve its stale value after that write's invalidation, on
/// any node.
/// </summary>
public interface ITagGenerations
{
    /// <summary>The stamp of the tags' counters now, or null when they cannot be read (then nothing is stored).</summary>
    Task<string?> StampAsync(IReadOnlyList<string> scopedTags, CancellationToken cancellationToken);

    Task BumpAsync(string scopedTag, CancellationToken cancellationToken);
}
