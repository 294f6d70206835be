using Reference.TestSupport.Contracts.EventStore;

namespace Reference.UnitTests.InMemory;

public sealed class InMemoryEventStoreContract : EventStoreContractTests
{
    protected override Task<EventStoreHarness> CreateHarnessAsync(TimeProvider time) =>
        Task.FromResult(InMemoryHarnesses.EventStore(time));
}

public sealed class InMemoryUnitOfWorkContract : UnitOfWorkContractTests
{
    protected override Task<EventStoreHarness> CreateHarnessAsync(TimeProvider time) =>
        Task.FromResult(InMemoryHarnesses.EventStore(time));
}
