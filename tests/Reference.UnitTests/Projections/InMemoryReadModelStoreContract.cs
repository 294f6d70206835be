using Reference.SharedKernel.InMemory.ReadModels;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;

namespace Reference.UnitTests.Projections;

public sealed class InMemoryReadModelStoreContract : ReadModelStoreContractTests
{
    protected override bool CommitsAtomically => true;

    protected override Task<(IReadModelStore<ContractDocument> Store, ICheckpointStore Checkpoints)> CreateStoresAsync()
    {
        var checkpoints = new InMemoryCheckpointStore();
        return Task.FromResult<(IReadModelStore<ContractDocument>, ICheckpointStore)>((new InMemoryReadModelStore<ContractDocument>(checkpoints, Tenant), checkpoints));
    }
}

public sealed class InMemoryCheckpointStoreContract : CheckpointStoreContractTests
{
    protected override Task<ICheckpointStore> CreateStoreAsync() => Task.FromResult<ICheckpointStore>(new InMemoryCheckpointStore());
}
