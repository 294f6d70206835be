using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.MultiTenancy.Database;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.MultiTenancy;

/// <summary>
/// <see cref="ITenantDirectory"/> over the stores named by <c>MultiTenancy:Stores</c>, in their
/// lookup order. Configuration tenants are read-only; the database store is the writable one, and
/// its writes join the flow's unit of work. Once a write commits, the tenant's cache entry (a
/// remembered miss included) is dropped, so the change applies to the very next request on this node.
/// </summary>
public sealed class TenantDirectory(
    IOptionsMonitor<MultiTenancyOptions> options,
    IReadOnlyList<TenantStoreKind> stores,
    PersistenceSession session,
    TenantDirectory.WritableStore? database) : ITenantDirectory
{
    private const string PostgresUniqueViolation = "23505";
    private const int SqliteConstraintViolation = 19;

    public async Task<TenantEntry?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        foreach (var store in stores)
        {
            var found = store == TenantStoreKind.Configuration ? FromConfiguration(tenantId) : await FromDatabaseAsync(tenantId, cancellationToken);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<TenantEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tenants = new Dictionary<string, TenantEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var store in stores)
        {
            var entries = store == TenantStoreKind.Configuration ? ConfigurationTenants() : await DatabaseTenantsAsync(cancellationToken);
            foreach (var entry in entries)
            {
                tenants.TryAdd(entry.Id, entry);
            }
        }

        return [.. tenants.Values.OrderBy(t => t.Id, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<TenantChange> AddAsync(NewTenant tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (database is null)
        {
            return TenantChange.NoWritableStore;
        }

        if (FromConfiguration(tenant.Id) is not null)
        {
            return TenantChange.AlreadyExists;
        }

        try
        {
            var added = await session.WriteAsync(
                async (connection, transaction, ct) =>
                {
                    await using var context = database.Contexts.Create(connection, transaction);
                    var normalized = TenantRow.Normalize(tenant.Id);
                    if (await context.Tenants.AnyAsync(t => t.NormalizedId == normalized, ct))
                    {
                        return false;
                    }

                    context.Tenants.Add(TenantRow.For(tenant.Id, tenant.Name, JsonSerializer.Serialize(tenant.Settings)));
                    await context.SaveChangesAsync(ct);
                    return true;
                },
                cancellationToken);
            if (!added)
            {
                return TenantChange.AlreadyExists;
            }
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Another request added the same id between the check and the insert.
            return TenantChange.AlreadyExists;
        }

        ForgetOnceCommitted(tenant.Id);
        return TenantChange.Applied;
    }

    public async Task<TenantChange> SetActiveAsync(string tenantId, bool isActive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        if (FromConfiguration(tenantId) is not null)
        {
            return TenantChange.DefinedInConfiguration;
        }

        if (database is null)
        {
            return TenantChange.NotFound;
        }

        var found = await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var context = database.Contexts.Create(connection, transaction);
                var normalized = TenantRow.Normalize(tenantId);
                var row = await context.Tenants.SingleOrDefaultAsync(t => t.NormalizedId == normalized, ct);
                if (row is null)
                {
                    return false;
                }

                row.IsActive = isActive;
                await context.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);
        if (!found)
        {
            return TenantChange.NotFound;
        }

        ForgetOnceCommitted(tenantId);
        return TenantChange.Applied;
    }

    private TenantEntry? FromConfiguration(string tenantId)
    {
        if (!stores.Contains(TenantStoreKind.Configuration))
        {
            return null;
        }

        return ConfigurationTenants().FirstOrDefault(t => string.Equals(t.Id, tenantId, StringComparison.OrdinalIgnoreCase));
    }

    private IEnumerable<TenantEntry> ConfigurationTenants() =>
        options.CurrentValue.Tenants.Select(pair => new TenantEntry(
            pair.Key,
            pair.Value.Name ?? pair.Key,
            new Dictionary<string, string>(pair.Value.Settings, StringComparer.OrdinalIgnoreCase),
            IsActive: true,
            TenantSource.Configuration));

    private async Task<TenantEntry?> FromDatabaseAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (database is null || tenantId.Length is 0 or > TenantDbContext.MaxIdLength)
        {
            return null;
        }

        var normalized = TenantRow.Normalize(tenantId);
        return await session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var context = Read(connection, transaction);
                var row = await context.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.NormalizedId == normalized, ct);
                return row is null ? null : ToEntry(row);
            },
            cancellationToken);
    }

    private async Task<IReadOnlyList<TenantEntry>> DatabaseTenantsAsync(CancellationToken cancellationToken)
    {
        if (database is null)
        {
            return [];
        }

        return await session.ReadAsync<IReadOnlyList<TenantEntry>>(
            async (connection, transaction, ct) =>
            {
                await using var context = Read(connection, transaction);
                var rows = await context.Tenants.AsNoTracking().OrderBy(t => t.NormalizedId).ToListAsync(ct);
                return [.. rows.Select(ToEntry)];
            },
            cancellationToken);
    }

    // Inside a unit of work a read joins its transaction (and sees its writes); outside it has a connection of its own.
    private TenantDbContext Read(DbConnection connection, DbTransaction? transaction) =>
        transaction is null ? database!.Contexts.Create(connection) : database!.Contexts.Create(connection, transaction);

    private static TenantEntry ToEntry(TenantRow row) => new(
        row.Id,
        row.Name,
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.Settings) ?? [],
        row.IsActive,
        TenantSource.Database);

    private void ForgetOnceCommitted(string tenantId)
    {
        if (database?.Cache is not { } cache)
        {
            return;
        }

        if (session.IsActive)
        {
            session.AfterCommit(_ =>
            {
                cache.Forget(tenantId);
                return Task.CompletedTask;
            });
        }
        else
        {
            cache.Forget(tenantId);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraintViolation,
        DbException db => db.SqlState == PostgresUniqueViolation,
        _ => false,
    };

    /// <summary>The database store, when <c>MultiTenancy:Stores</c> includes it: its contexts and the cache in front of it.</summary>
    public sealed record WritableStore(TenantDbContextFactory Contexts, CachingTenantStore Cache);
}
