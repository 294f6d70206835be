using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Tenants from the <c>MultiTenancy:Tenants</c> section; edits to configuration apply without a restart.</summary>
public sealed class ConfigurationTenantStore(IOptionsMonitor<MultiTenancyOptions> options) : ITenantStore
{
    public ValueTask<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var current = options.CurrentValue;
        var tenants = new Dictionary<string, TenantDefinition>(current.Tenants, StringComparer.OrdinalIgnoreCase);
        if (!tenants.TryGetValue(tenantId, out var definition))
        {
            return ValueTask.FromResult<TenantInfo?>(null);
        }

        var settings = new Dictionary<string, string>(current.Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in definition.Settings)
        {
            settings[key] = value;
        }

        var id = tenants.Keys.First(k => string.Equals(k, tenantId, StringComparison.OrdinalIgnoreCase));
        return ValueTask.FromResult<TenantInfo?>(new TenantInfo(id, definition.Name ?? id, settings));
    }
}
