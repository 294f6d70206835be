namespace Reference.SharedKernel.Tenancy;

/// <summary>A tenant to add: its id (see <see cref="TenantIdRules"/>), display name and own settings.</summary>
public sealed record NewTenant(string Id, string Name, IReadOnlyDictionary<string, string> Settings);
