using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using Reference.TestSupport.Contracts.Snapshots;

namespace Reference.UnitTests.InMemory;

public sealed class InMemorySnapshotStoreContract : SnapshotStoreContractTests
{
    protected override Task<ISnapshotStore> CreateSnapshotStoreAsync() =>
        Task.FromResult<ISnapshotStore>(new InMemorySnapshotStore(new InMemoryDatabase(), new AmbientTenantContext()));
}
