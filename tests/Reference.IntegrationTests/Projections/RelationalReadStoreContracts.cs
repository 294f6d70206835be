using Reference.Infrastructure.ReadStore.Relational;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;

namespace Reference.IntegrationTests.Projections;

public abstract class RelationalReadStoreContract(RelationalEngine engine) : ReadModelStoreContractTests
{
    private readonly List<RelationalReadStoreHost> _hosts = [];

    protected override bool CommitsAtomically => true;

    protected override async Task<(IReadModelStore<ContractDocument> Store, ICheckpointStore Checkpoints)> CreateStoresAsync()
    {
        var host = await RelationalReadStoreHost.StartAsync(engine, Tenant, typeof(ContractDocument));
        _hosts.Add(host);
        return (host.Store<ContractDocument>(), host.Checkpoints);
    }

    public override async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}

public sealed class PostgresReadStoreContract() : RelationalReadStoreContract(RelationalEngine.Postgres);

public sealed class SqliteReadStoreContract() : RelationalReadStoreContract(RelationalEngine.Sqlite);

public abstract class RelationalCheckpointStoreContract(RelationalEngine engine) : CheckpointStoreContractTests
{
    private RelationalReadStoreHost? _host;

    protected override async Task<ICheckpointStore> CreateStoreAsync()
    {
        _host = await RelationalReadStoreHost.StartAsync(engine, new Reference.SharedKernel.Tenancy.AmbientTenantContext());
        return _host.Checkpoints;
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

public sealed class PostgresCheckpointStoreContract() : RelationalCheckpointStoreContract(RelationalEngine.Postgres);

public sealed class SqliteCheckpointStoreContract() : RelationalCheckpointStoreContract(RelationalEngine.Sqlite);
