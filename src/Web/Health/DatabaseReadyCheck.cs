using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reference.Infrastructure.Persistence;

namespace Reference.Web.Health;

/// <summary>
/// Ready when every migration set the application registered (the write side, each
/// <see cref="ISchemaMigration"/> such as the tenant store, the relational read store's projection
/// tables...) is reachable and fully applied. The sets are discovered, not listed: a new one is
/// covered by registering it. The result's data names each lagging set and what it lacks.
/// </summary>
public sealed class DatabaseReadyCheck(IEnumerable<IMigrationSet> sets, IEnumerable<ISchemaMigration> schemas) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lagging = new Dictionary<string, object>(StringComparer.Ordinal);
        Exception? failure = null;
        foreach (var set in sets.Concat(schemas).Distinct())
        {
            try
            {
                var pending = await set.GetPendingMigrationsAsync(cancellationToken);
                if (pending.Count > 0)
                {
                    lagging[set.Name] = $"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.";
                }
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                lagging[set.Name] = "The database could not be reached.";
                failure ??= ex;
            }
        }

        return lagging.Count == 0
            ? HealthCheckResult.Healthy("Every migration set is applied.")
            : HealthCheckResult.Unhealthy($"Not ready: {string.Join(", ", lagging.Keys)}.", failure, lagging);
    }
}
