using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Customers.Domain;
using Reference.Features.Customers.Events.Upcasters;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers;

/// <summary>
/// What the Customers slice tells the host beyond what a scan finds (endpoints, handlers, validators, the projection):
/// a customer is state-stored, a row per customer whose events go out through the outbox. The persistence layer maps
/// it and serves its repository from this. Its upcasters read older schema versions of its events everywhere the log is
/// read (stream reads, projections, rebuilds).
/// </summary>
public sealed class CustomersModule : IFeatureModule
{
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(StateStoredAggregateDefinition.Of<Customer, Guid>());
        services.AddSingleton<IEventUpcaster, CustomerRegisteredV1ToV2>();
        services.AddSingleton<IEventUpcaster, CustomerRegisteredV2ToV3>();
    }
}
