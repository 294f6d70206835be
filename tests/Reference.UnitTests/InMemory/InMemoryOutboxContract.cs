using Reference.TestSupport.Contracts.Outbox;

namespace Reference.UnitTests.InMemory;

public sealed class InMemoryOutboxContract : OutboxContractTests
{
    protected override Task<OutboxHarness> CreateHarnessAsync(TimeProvider time) =>
        Task.FromResult(InMemoryHarnesses.Outbox(time));
}
