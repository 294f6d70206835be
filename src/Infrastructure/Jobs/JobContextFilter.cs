using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Jobs;

/// <summary>
/// Carries the ambient tenant and correlation id with every job: captured as job parameters when
/// the job is created, restored around its execution. A job created in tenant A's scope runs as A
/// (and so every store it touches filters by A); one created in the system scope runs as system;
/// one created with neither runs with no tenant and fails closed on tenant-scoped work.
/// </summary>
public sealed class JobContextFilter(ITenantContext tenants, ICorrelationContext correlation) : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string TenantParameter = "TenantId";
    public const string SystemScopeParameter = "SystemScope";
    public const string CorrelationParameter = "CorrelationId";
    private const string ScopesItem = "Reference.JobScopes";

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (tenants.TenantId is { } tenantId)
        {
            context.SetJobParameter(TenantParameter, tenantId);
        }

        context.SetJobParameter(SystemScopeParameter, tenants.IsSystemScope);
        context.SetJobParameter(CorrelationParameter, correlation.CorrelationId);
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scopes = new List<IDisposable>();
        var tenantId = context.GetJobParameter<string>(TenantParameter);
        if (!string.IsNullOrEmpty(tenantId))
        {
            scopes.Add(tenants.BeginScope(tenantId));
        }
        else if (context.GetJobParameter<bool>(SystemScopeParameter))
        {
            scopes.Add(tenants.BeginSystemScope());
        }

        var correlationId = context.GetJobParameter<string>(CorrelationParameter);
        scopes.Add(correlation.BeginScope(string.IsNullOrEmpty(correlationId) ? context.BackgroundJob.Id : correlationId, context.BackgroundJob.Id));
        context.Items[ScopesItem] = scopes;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ScopesItem, out var value) && value is List<IDisposable> scopes)
        {
            for (var i = scopes.Count - 1; i >= 0; i--)
            {
                scopes[i].Dispose();
            }
        }
    }
}
