using Reference.SharedKernel.Ports;

namespace Reference.TestSupport.Contracts.Repository;

/// <summary>
/// What an adapter hands to <see cref="RepositoryContractTests"/>. <see cref="CreateRepository"/> is
/// called once per simulated request (give each call its own change tracker or session); all of them,
/// the event store and the outbox share one database and join <see cref="UnitOfWork"/>. The event
/// store must know the events of <see cref="ContractEvents.Registry"/>.
/// </summary>
public sealed class RepositoryHarness(
    Func<IRepository<ContractAccount, Guid>> createRepository,
    IEventStore eventStore,
    IOutbox outbox,
    IUnitOfWork unitOfWork,
    Func<ValueTask>? dispose = null) : IAsyncDisposable
{
    public IEventStore EventStore { get; } = eventStore;

    public IOutbox Outbox { get; } = outbox;

    public IUnitOfWork UnitOfWork { get; } = unitOfWork;

    public IRepository<ContractAccount, Guid> CreateRepository() => createRepository();

    public ValueTask DisposeAsync() => dispose?.Invoke() ?? ValueTask.CompletedTask;
}
