using MongoDB.Driver;
using Reference.Infrastructure.ReadStore.Mongo;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// The read-store contract against a real MongoDB, run when <c>MONGODB_URI</c> is set. The
/// contract runs through a private subclass so every case can carry the MongoDB condition.
/// </summary>
public sealed class MongoReadStoreContract : IAsyncLifetime
{
    private readonly Contract _contract = new();

    public Task InitializeAsync() => _contract.InitializeAsync();

    public Task DisposeAsync() => _contract.DisposeAsync();

    [MongoFact]
    public Task Committed_document_is_read_back_stamped_with_its_tenant() => _contract.Committed_document_is_read_back_stamped_with_its_tenant();

    [MongoFact]
    public Task Another_tenants_document_is_not_found_and_same_ids_stay_apart() => _contract.Another_tenants_document_is_not_found_and_same_ids_stay_apart();

    [MongoFact]
    public Task Reads_without_a_tenant_fail_closed() => _contract.Reads_without_a_tenant_fail_closed();

    [MongoFact]
    public Task Replaying_an_older_or_equal_position_is_a_no_op() => _contract.Replaying_an_older_or_equal_position_is_a_no_op();

    [MongoFact]
    public Task A_deleted_document_is_not_resurrected_by_a_replayed_older_write() => _contract.A_deleted_document_is_not_resurrected_by_a_replayed_older_write();

    [MongoFact]
    public Task Expected_position_write_is_compare_and_set() => _contract.Expected_position_write_is_compare_and_set();

    [MongoFact]
    public Task Commit_moves_the_checkpoint_and_a_rejected_move_reports_false() => _contract.Commit_moves_the_checkpoint_and_a_rejected_move_reports_false();

    [MongoFact]
    public Task A_new_generation_serves_only_once_activated_and_can_be_purged() => _contract.A_new_generation_serves_only_once_activated_and_can_be_purged();

    [MongoFact]
    public Task List_composes_filter_order_and_paging_within_the_tenant() => _contract.List_composes_filter_order_and_paging_within_the_tenant();

    private sealed class Contract : ReadModelStoreContractTests
    {
        private readonly List<string> _databases = [];

        protected override bool CommitsAtomically => false;

        protected override Task<(IReadModelStore<ContractDocument> Store, ICheckpointStore Checkpoints)> CreateStoresAsync()
        {
            var database = MongoDatabases.New(_databases);
            var checkpoints = new MongoCheckpointStore(database);
            return Task.FromResult<(IReadModelStore<ContractDocument>, ICheckpointStore)>((new MongoReadModelStore<ContractDocument>(database, checkpoints, Tenant), checkpoints));
        }

        public override Task DisposeAsync() => MongoDatabases.DropAsync(_databases);
    }
}

public sealed class MongoCheckpointStoreContract : IAsyncLifetime
{
    private readonly Contract _contract = new();

    public Task InitializeAsync() => _contract.InitializeAsync();

    public Task DisposeAsync() => _contract.DisposeAsync();

    [MongoFact]
    public Task Created_checkpoint_reads_back_and_a_second_create_is_refused() => _contract.Created_checkpoint_reads_back_and_a_second_create_is_refused();

    [MongoFact]
    public Task Lease_is_exclusive_until_it_expires() => _contract.Lease_is_exclusive_until_it_expires();

    [MongoFact]
    public Task Save_is_compare_and_set_on_owner_and_previous_position() => _contract.Save_is_compare_and_set_on_owner_and_previous_position();

    [MongoFact]
    public Task A_zombie_cannot_move_the_checkpoint_after_a_takeover() => _contract.A_zombie_cannot_move_the_checkpoint_after_a_takeover();

    [MongoFact]
    public Task Status_and_last_error_are_stored() => _contract.Status_and_last_error_are_stored();

    [MongoFact]
    public Task List_returns_every_generation_of_a_projection_in_order() => _contract.List_returns_every_generation_of_a_projection_in_order();

    private sealed class Contract : CheckpointStoreContractTests
    {
        private readonly List<string> _databases = [];

        protected override Task<ICheckpointStore> CreateStoreAsync() =>
            Task.FromResult<ICheckpointStore>(new MongoCheckpointStore(MongoDatabases.New(_databases)));

        public override Task DisposeAsync() => MongoDatabases.DropAsync(_databases);
    }
}

/// <summary>A fresh database per store on the server named by <c>MONGODB_URI</c>, dropped afterwards.</summary>
internal static class MongoDatabases
{
    private static readonly Lazy<MongoClient> Client = new(() =>
    {
        MongoReadStoreServiceCollectionExtensions.RegisterSerializers();
        return new MongoClient(MongoFactAttribute.Uri);
    });

    public static IMongoDatabase New(List<string> created)
    {
        var name = "reference_test_" + Guid.NewGuid().ToString("N")[..12];
        created.Add(name);
        return Client.Value.GetDatabase(name);
    }

    public static async Task DropAsync(List<string> created)
    {
        foreach (var name in created)
        {
            await Client.Value.DropDatabaseAsync(name);
        }
    }
}
