using Reference.SharedKernel.Ports;

namespace Reference.TestSupport.Contracts.Outbox;

/// <summary>What an adapter hands to <see cref="OutboxContractTests"/>: an outbox and the unit of work it joins.</summary>
public sealed class OutboxHarness(IOutbox outbox, IUnitOfWork unitOfWork, Func<ValueTask>? dispose = null) : IAsyncDisposable
{
    public IOutbox Outbox { get; } = outbox;

    public IUnitOfWork UnitOfWork { get; } = unitOfWork;

    public ValueTask DisposeAsync() => dispose?.Invoke() ?? ValueTask.CompletedTask;
}
