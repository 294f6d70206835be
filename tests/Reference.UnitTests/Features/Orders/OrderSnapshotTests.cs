using Reference.Features;
using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory;

namespace Reference.UnitTests.Features.Orders;

public sealed class OrderSnapshotTests
{
    private readonly InMemoryAdapters _adapters =
        new(new JsonEventSerializer(new EventTypeRegistry().RegisterFromAssembly(FeaturesAssembly.Assembly)));

    private EventSourcedRepository<Order, Guid> Replaying() => new(_adapters.EventStore, Order.ForReplay);

    private EventSourcedRepository<Order, Guid> Snapshotting(int every = 3) =>
        new(_adapters.EventStore, Order.ForReplay, _adapters.Snapshots, new OrderSnapshotter(), new SnapshotEveryNEvents(every));

    [Fact]
    public void A_snapshot_restores_every_part_of_the_state()
    {
        var order = Order.Place(Guid.NewGuid(), Guid.NewGuid(), "EUR", [new OrderLine("A", 2, 5.25m), new OrderLine("B", 1, 0m)]);
        order.Cancel("customer changed their mind");
        var snapshotter = new OrderSnapshotter();

        var restored = snapshotter.Restore(snapshotter.Take(order));

        Assert.Equal(
            (order.Id, order.CustomerId, order.Currency, order.Status, order.CancellationReason, order.Total),
            (restored.Id, restored.CustomerId, restored.Currency, restored.Status, restored.CancellationReason, restored.Total));
        Assert.Equal(order.Lines, restored.Lines);
    }

    [Fact]
    public async Task An_order_loaded_from_its_snapshot_equals_the_one_replayed_from_all_its_events()
    {
        using var tenant = _adapters.Tenants.BeginScope("acme");
        var id = Guid.NewGuid();
        var repository = Snapshotting();
        await repository.SaveAsync(Order.Place(id, Guid.NewGuid(), "EUR", [new OrderLine("A", 1, 1m)]));
        foreach (var sku in new[] { "B", "C", "D", "E" })
        {
            var editing = (await repository.LoadAsync(id))!;
            editing.AddLine(new OrderLine(sku, 2, 3m), "EUR");
            await repository.SaveAsync(editing);
        }

        var last = (await repository.LoadAsync(id))!;
        last.RemoveLine("C");
        await repository.SaveAsync(last);

        var snapshot = await _adapters.Snapshots.GetLatestAsync(id.ToString(), "order");
        var fromSnapshot = (await repository.LoadAsync(id))!;
        var replayed = (await Replaying().LoadAsync(id))!;

        Assert.Equal(6, snapshot?.Version);
        Assert.Equal((replayed.Version, replayed.Status, replayed.Total), (fromSnapshot.Version, fromSnapshot.Status, fromSnapshot.Total));
        Assert.Equal(replayed.Lines, fromSnapshot.Lines);
    }

    [Fact]
    public async Task A_snapshot_restored_order_keeps_enforcing_the_rules_and_the_expected_version()
    {
        using var tenant = _adapters.Tenants.BeginScope("acme");
        var id = Guid.NewGuid();
        var repository = Snapshotting(every: 1);
        await repository.SaveAsync(Order.Place(id, Guid.NewGuid(), "EUR", [new OrderLine("A", 1, 1m)]));
        var confirmed = (await repository.LoadAsync(id))!;
        confirmed.Confirm();
        await repository.SaveAsync(confirmed);

        var first = (await repository.LoadAsync(id))!;
        var second = (await repository.LoadAsync(id))!;
        first.Cancel("first");
        await repository.SaveAsync(first);
        second.Cancel("second");

        Assert.Throws<Reference.SharedKernel.Domain.BusinessRuleViolationException>(() => first.AddLine(new OrderLine("Z", 1, 1m), "EUR"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.SaveAsync(second));
    }
}
