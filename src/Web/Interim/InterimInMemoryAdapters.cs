using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Features.Customers.Domain;
using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Ports;

namespace Reference.Web.Composition;

public static class InterimInMemoryAdapters
{
    /// <summary>
    /// Process-local stand-ins for the persistence ports, registered only where no real adapter
    /// is: the repositories, the unit of work and the cache. Data lives as long as the process.
    /// </summary>
    public static IServiceCollection AddInterimInMemoryAdapters(this IServiceCollection services)
    {
        services.TryAddSingleton<IEventSourcedRepository<Order, Guid>, Interim.InMemoryEventSourcedRepository<Order>>();
        services.TryAddSingleton<IRepository<Customer, Guid>, Interim.InMemoryStateRepository<Customer>>();
        services.TryAddScoped<IUnitOfWork, Interim.InMemoryUnitOfWork>();
        services.TryAddSingleton<ICache, Interim.InMemoryCache>();
        return services;
    }
}
