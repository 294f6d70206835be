using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Features.Customers.Domain;
using Reference.Features.Orders.Domain;
using Reference.Infrastructure.EventSourcing;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;

namespace Reference.Web.Composition;

public static class PersistenceRegistration
{
    /// <summary>
    /// The write side for the slices: event types from the Features assembly, the Orders event-sourced
    /// repository, the Customers state-stored repository, and the store behind them.
    /// </summary>
    public static IServiceCollection AddReferencePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new EventTypeRegistry().RegisterFromAssembly(typeof(Order).Assembly));
        services.TryAddSingleton<IEventTypeRegistry>(sp => sp.GetRequiredService<EventTypeRegistry>());
        services.TryAddSingleton<IEventSerializer>(sp => new JsonEventSerializer(
            sp.GetRequiredService<IEventTypeRegistry>(),
            sp.GetServices<IEventUpcaster>()));
        services.TryAddSingleton<EventMetadataFactory>();

        services.AddScoped<IEventSourcedRepository<Order, Guid>, EventSourcedRepository<Order>>();
        services.AddInMemoryStore();
        services.TryAddSingleton<IRepository<Customer, Guid>, Interim.InMemoryStateRepository<Customer>>();
        services.TryAddSingleton<ICache, Interim.InMemoryCache>();
        return services;
    }

    /// <summary>The in-memory store: data lives as long as the process.</summary>
    private static IServiceCollection AddInMemoryStore(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new InMemoryDatabase(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEventStore>(sp => new InMemoryEventStore(
            sp.GetRequiredService<InMemoryDatabase>(),
            sp.GetRequiredService<IEventSerializer>(),
            sp.GetRequiredService<Reference.SharedKernel.Tenancy.ITenantContext>(),
            sp.GetRequiredService<EventMetadataFactory>()));
        services.TryAddSingleton<IUnitOfWork>(sp => new InMemoryUnitOfWork(sp.GetRequiredService<InMemoryDatabase>()));
        services.TryAddSingleton<IOutbox>(sp => new InMemoryOutbox(
            sp.GetRequiredService<InMemoryDatabase>(),
            sp.GetRequiredService<Reference.SharedKernel.Tenancy.ITenantContext>()));
        return services;
    }
}
