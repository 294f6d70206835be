namespace Reference.Infrastructure.Caching;

/// <summary>A cached value with the stamp of its tags' generations read before it was computed.</summary>
public sealed record StampedEntry<T>(string Stamp, T Value);
