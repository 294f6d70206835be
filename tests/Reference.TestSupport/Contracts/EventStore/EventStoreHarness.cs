using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.TestSupport.Contracts.EventStore;

/// <summary>
/// What an adapter hands to <see cref="EventStoreContractTests"/> and <see cref="UnitOfWorkContractTests"/>:
/// ports that share one database. <see cref="CreateEventStore"/> may be called several times (the tests
/// read the same data with differently configured serializers); every store it returns must see the
/// same data and join <see cref="UnitOfWork"/>. Adapters must read time from the given clock.
/// The outbox is needed by <see cref="UnitOfWorkContractTests"/> only.
/// </summary>
public sealed class EventStoreHarness(
    Func<IEventSerializer, EventStoreOptions, IEventStore> createEventStore,
    IUnitOfWork unitOfWork,
    IOutbox? outbox,
    Func<ValueTask>? dispose = null) : IAsyncDisposable
{
    public IUnitOfWork UnitOfWork { get; } = unitOfWork;

    public IOutbox Outbox => outbox ?? throw new InvalidOperationException("This contract needs the outbox that shares the event store's database.");

    public IEventStore CreateEventStore(IEventSerializer serializer, EventStoreOptions options) => createEventStore(serializer, options);

    public ValueTask DisposeAsync() => dispose?.Invoke() ?? ValueTask.CompletedTask;
}
