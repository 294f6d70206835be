using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Features;
#if (Samples)
using Reference.Features.Orders.Domain;
#endif
using Reference.Infrastructure.EventSourcing;
using Reference.Infrastructure.Persistence;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;
using Reference.Web.Health;
using Reference.Web.Persistence;

namespace Reference.Web.Composition;

public static class PersistenceRegistration
{
    /// <summary>
    /// The write side for the slices on the provider named by <c>Persistence:Provider</c> (SQLite by
    /// default, PostgreSQL with <c>ConnectionStrings:Postgres</c>): the event types of the Features
    /// assembly, Orders as an event-sourced repository, Customers as an EF Core state-stored one.
    /// </summary>
    public static IServiceCollection AddReferencePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered before AddPersistence, whose own registry registration only applies when none exists.
        services.TryAddSingleton(new EventTypeRegistry().RegisterFromAssembly(FeaturesAssembly.Assembly));
        services.AddPersistence(configuration, StateStoredAggregates.Register);
#if (Samples)
        // Orders' events are announced through the outbox in the append's transaction, like Customers'.
        // A snapshot every Orders:SnapshotEvery events keeps long-lived orders cheap to load.
        var orderSnapshots = new SnapshotEveryNEvents(configuration.GetValue("Orders:SnapshotEvery", 50));
        services.AddScoped<IEventSourcedRepository<Order, Guid>>(sp => new OutboxPublishingRepository<Order>(
            new EventSourcedRepository<Order, Guid>(
                sp.GetRequiredService<IEventStore>(),
                Order.ForReplay,
                sp.GetRequiredService<ISnapshotStore>(),
                new OrderSnapshotter(),
                orderSnapshots),
            sp.GetRequiredService<IOutbox>(),
            sp.GetRequiredService<OutboxMessageFactory>()));
#endif
        // Process-local, so one node only; several nodes need a shared cache (Redis) registered in its place.
        services.TryAddSingleton<ICache, InMemoryCache>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ApiApplicationBuilderExtensions.ReadyTag])
            .AddCheck<ReadStoreReadyCheck>("read-store", tags: [ApiApplicationBuilderExtensions.ReadyTag])
            .AddCheck<ProjectionHorizonReadyCheck>("projection-horizon", tags: [ApiApplicationBuilderExtensions.ReadyTag]);
        return services;
    }
}
