using Reference.SharedKernel.InMemory;
using Reference.TestSupport.Contracts;
using Reference.TestSupport.Contracts.Repository;

namespace Reference.UnitTests.InMemory;

public sealed class InMemoryRepositoryContract : RepositoryContractTests
{
    protected override Task<RepositoryHarness> CreateHarnessAsync()
    {
        var adapters = new InMemoryAdapters(ContractEvents.Serializer());
        return Task.FromResult(new RepositoryHarness(
            () => adapters.CreateRepository<ContractAccount, Guid>(account => account.Copy()),
            adapters.EventStore,
            adapters.Outbox,
            adapters.UnitOfWork));
    }
}
