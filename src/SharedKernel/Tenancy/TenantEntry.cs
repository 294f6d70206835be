namespace Reference.SharedKernel.Tenancy;

/// <summary>A tenant as administration sees it: its own settings (not the defaults merged in) and where it is defined.</summary>
public sealed record TenantEntry(
    string Id,
    string Name,
    IReadOnlyDictionary<string, string> Settings,
    bool IsActive,
    TenantSource Source);
