using Reference.Infrastructure.Projections;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Tenancy;

namespace Reference.UnitTests.Projections.Support;

/// <summary>The scripted log as the projection engine reads it: in the system scope.</summary>
public sealed class ScriptedEventSource(ScriptedEventLog log, ITenantContext tenants) : IProjectionEventSource
{
    public async Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken)
    {
        using var system = tenants.BeginSystemScope();
        return await log.ReadAllAsync(after, maxCount, cancellationToken);
    }

    public async Task<long> CountAllAsync(CancellationToken cancellationToken)
    {
        using var system = tenants.BeginSystemScope();
        return await log.CountAllAsync(cancellationToken);
    }
}
