namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>A row of the <c>tenants</c> table.</summary>
public sealed class TenantRow
{
    /// <summary>The tenant id as it was written; tokens and headers may use any casing.</summary>
    public required string Id { get; init; }

    /// <summary>The id upper-cased (invariant): unique, and what lookups compare, so ids are case-insensitive.</summary>
    public required string NormalizedId { get; init; }

    public required string Name { get; set; }

    /// <summary>The tenant's own settings as a JSON object of strings; the configured defaults fill the rest.</summary>
    public string Settings { get; set; } = "{}";

    /// <summary>False once deactivated: the tenant still exists (its id stays taken) but no request resolves to it.</summary>
    public bool IsActive { get; set; } = true;

    public static string Normalize(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return tenantId.ToUpperInvariant();
    }

    public static TenantRow For(string tenantId, string name, string settings = "{}") =>
        new() { Id = tenantId, NormalizedId = Normalize(tenantId), Name = name, Settings = settings };
}
