using Microsoft.Extensions.DependencyInjection;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Projections;

/// <summary>Where projections read the global log from: every tenant's events, in commit-safe order.</summary>
public interface IProjectionEventSource
{
    Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken);

    /// <summary>How many events a reader starting from the beginning has ahead of it now (sizes a rebuild).</summary>
    Task<long> CountAllAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Reads through the application's <see cref="IEventStore"/> (a scoped service) in a scope of its
/// own and in the system tenant scope, since one projection follows every tenant's events.
/// </summary>
public sealed class EventStoreProjectionSource(IServiceScopeFactory scopes, ITenantContext tenants) : IProjectionEventSource
{
    public async Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken)
    {
        using var system = tenants.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEventStore>().ReadAllAsync(after, maxCount, cancellationToken);
    }

    public async Task<long> CountAllAsync(CancellationToken cancellationToken)
    {
        using var system = tenants.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEventStore>().CountAllAsync(cancellationToken);
    }
}
