using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>
/// Tenants from the <c>tenants</c> table, with the configured <c>MultiTenancy:Defaults</c> merged under
/// each tenant's own settings (as the configuration store does). Every call queries the database:
/// register it behind <see cref="CachingTenantStore"/>.
/// </summary>
public sealed class DatabaseTenantStore(TenantDbContextFactory contexts, IOptionsMonitor<MultiTenancyOptions> options) : ITenantStore
{
    public async ValueTask<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        if (tenantId.Length is 0 or > TenantDbContext.MaxIdLength)
        {
            return null;
        }

        var normalized = TenantRow.Normalize(tenantId);
        await using var context = contexts.Create();
        var row = await context.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.NormalizedId == normalized, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var settings = new Dictionary<string, string>(options.CurrentValue.Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(row.Settings) ?? [])
        {
            settings[key] = value;
        }

        return new TenantInfo(row.Id, row.Name, settings, row.IsActive);
    }
}
