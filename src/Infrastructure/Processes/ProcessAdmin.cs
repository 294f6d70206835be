using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Filtering;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Processes;

/// <summary>What operators read about process instances, always of the ambient tenant (none without one: fails closed).</summary>
public sealed class ProcessAdmin(DatabaseConnector connector, ProcessStore store, ITenantContext tenants)
{
    public const string ReadPermission = "processes.read";

    /// <exception cref="FilterException">An invalid filter, sort, paging or cursor.</exception>
    public async Task<PagedResult<ProcessSummary>> ListAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var tenantId = tenants.RequireTenantId();
        await using var connection = connector.CreateConnection();
        var options = new DbContextOptionsBuilder<ProcessesDbContext>();
        _ = connector.Provider == PersistenceProvider.Postgres ? options.UseNpgsql(connection) : options.UseSqlite(connection);
        await using var db = new ProcessesDbContext(options.Options);
        var plan = db.Instances.AsNoTracking().ToListPlan(query, ProcessInstanceFields.Map, ListConstraints<ProcessInstanceRow>.ForTenant(tenantId));
        var page = await plan.ExecuteAsync(EfCoreQueryExecutor.Instance, cancellationToken);
        return page.Map(r => new ProcessSummary(Guid.Parse(r.Id), r.Type, r.CorrelationKey, r.Status, r.Step, r.FailureCode, r.LastError, r.Version, r.CreatedAt, r.UpdatedAt));
    }

    public async Task<ProcessDetails?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var tenantId = tenants.RequireTenantId();
        var instance = await store.FindAsync(tenantId, id, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var commands = await store.CommandsOfAsync(tenantId, id, cancellationToken);
        return new ProcessDetails(
            instance.Id,
            instance.Type,
            instance.CorrelationKey,
            instance.Status.ToString(),
            instance.CurrentStep,
            instance.FailureCode,
            instance.LastError ?? commands.LastOrDefault(c => c.LastError is not null)?.LastError,
            instance.Version,
            instance.State,
            instance.Steps,
            instance.Timeouts,
            instance.History,
            [.. commands.Select(c => new ProcessCommandView(c.Sequence, c.Command.Name, c.Command.Payload, c.Status, c.Attempts, c.LastError, c.CreatedAt, c.DispatchedAt))],
            instance.CreatedAt,
            instance.UpdatedAt);
    }
}
