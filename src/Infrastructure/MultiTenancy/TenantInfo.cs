namespace Reference.Infrastructure.MultiTenancy;

/// <summary>A tenant known to a store, with its settings (the store's defaults merged under its own).</summary>
public sealed record TenantInfo(string Id, string Name, IReadOnlyDictionary<string, string> Settings);
