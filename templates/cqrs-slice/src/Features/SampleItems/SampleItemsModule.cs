using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.SharedKernel.Events;

namespace Reference.Features.SampleItems;

/// <summary>
/// What the SampleItems slice tells the host beyond what a scan finds (endpoint, handler, validator, projection):
/// a sample item is event-sourced. The persistence layer serves its repository from this definition; the host finds
/// this module by itself, so adding the slice needs no other change.
/// </summary>
public sealed class SampleItemsModule : IFeatureModule
{
    public void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new EventSourcedAggregateDefinition<SampleItem, Guid>(SampleItem.ForReplay));
}
