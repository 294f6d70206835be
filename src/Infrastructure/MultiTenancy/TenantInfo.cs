namespace Reference.Infrastructure.MultiTenancy;

/// <summary>
/// A tenant known to a store, with its settings (the store's defaults merged under its own). An
/// inactive tenant is still known (its id stays taken) but requests for it are refused.
/// </summary>
public sealed record TenantInfo(string Id, string Name, IReadOnlyDictionary<string, string> Settings, bool IsActive = true);
