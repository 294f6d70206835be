namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// A query whose successful result may be served from the cache. The key only needs to identify
/// the query's values: the pipeline adds the message type and the caller's permission scope, and
/// the cache adds the tenant. Commands that change the data invalidate the <see cref="CacheTags"/>.
/// </summary>
public interface ICacheable
{
    string CacheKey { get; }

    IReadOnlyList<string> CacheTags { get; }

    TimeSpan CacheDuration { get; }
}
