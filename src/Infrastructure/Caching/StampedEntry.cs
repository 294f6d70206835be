namespace Reference.Infrastructure.Caching;

/// <summary>A cached value with the stamp of its tags' generations read before it was computed.</summary>
public sealed record StampedEntry<T>(string Stamp, T Value)
{
    /// <summary>The stamp of an entry that carries no value: what was computed must not be cached.</summary>
    public const string NotCached = "not-cached";
}
