using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Orders.Domain;
using Reference.Features.Orders.Fulfilment;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Processes;

namespace Reference.Features.Orders;

/// <summary>
/// What the Orders slice tells the host beyond what a scan finds (endpoints, handlers, validators, the projection,
/// the row-access policy): an order is event-sourced, snapshotted every <c>Orders:SnapshotEvery</c> events (50 by
/// default) so long-lived orders stay cheap to load. The persistence layer serves its repository from this. Confirming
/// an order starts its fulfilment process (<c>Orders:Fulfilment</c>: <c>Enabled</c>, <c>PaymentTimeout</c>, 15 minutes by default).
/// </summary>
public sealed class OrdersModule : IFeatureModule
{
    public const string SnapshotEveryKey = "Orders:SnapshotEvery";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        var snapshotEvery = configuration.GetValue(SnapshotEveryKey, 50);
        if (snapshotEvery < 1)
        {
            throw new InvalidOperationException($"{SnapshotEveryKey} must be a positive number of events; it is {snapshotEvery}.");
        }

        services.AddSingleton(new EventSourcedAggregateDefinition<Order, Guid>(
            Order.ForReplay,
            new OrderSnapshotter(),
            new SnapshotEveryNEvents(snapshotEvery)));

        var fulfilment = configuration.GetSection(FulfilmentOptions.Section).Get<FulfilmentOptions>() ?? new FulfilmentOptions();
        if (fulfilment.PaymentTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{FulfilmentOptions.Section}:PaymentTimeout must be positive; it is {fulfilment.PaymentTimeout}.");
        }

        var process = new OrderFulfilmentProcess(fulfilment.PaymentTimeout);
        services.AddSingleton(fulfilment);
        services.AddSingleton(process);
        services.AddSingleton<IProcessDefinition>(process);
    }
}
