using Reference.Infrastructure.ReadStore.Mongo;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// The read-store contract on MongoDB's wire protocol: MongoDB when <c>MONGODB_URI</c> is set, else the Mongo-wire
/// emulator (docs/adr/0005). Every case of the shared contract runs here, including ones added later.
/// </summary>
public sealed class MongoReadStoreContract : ReadModelStoreContractTests
{
    private readonly MongoTestDatabases _databases = new();

    protected override bool CommitsAtomically => false;

    protected override Task<(IReadModelStore<ContractDocument> Store, ICheckpointStore Checkpoints)> CreateStoresAsync()
    {
        var database = _databases.New();
        var checkpoints = new MongoCheckpointStore(database);
        return Task.FromResult<(IReadModelStore<ContractDocument>, ICheckpointStore)>((new MongoReadModelStore<ContractDocument>(database, checkpoints, Tenant), checkpoints));
    }

    public override Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

/// <summary>The checkpoint-store contract on MongoDB's wire protocol (MongoDB or the Mongo-wire emulator).</summary>
public sealed class MongoCheckpointStoreContract : CheckpointStoreContractTests
{
    private readonly MongoTestDatabases _databases = new();

    protected override Task<ICheckpointStore> CreateStoreAsync() =>
        Task.FromResult<ICheckpointStore>(new MongoCheckpointStore(_databases.New()));

    public override Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}
