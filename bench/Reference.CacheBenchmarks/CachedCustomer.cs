namespace Reference.CacheBenchmarks;

/// <summary>The cached value: about the size of a customer read model.</summary>
public sealed record CachedCustomer(Guid Id, string Name, string Email, long Version);
