using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Inventory.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Inventory;

/// <summary>
/// What the Inventory slice tells the host: a SKU's stock is event-sourced (one stream per SKU and tenant, so two
/// tenants' same SKU never meet), so every read replays the acknowledged writes and reflects them.
/// </summary>
public sealed class InventoryModule : IFeatureModule
{
    public void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new EventSourcedAggregateDefinition<InventoryItem, string>(InventoryItem.ForReplay));
}
