using Npgsql;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Postgres;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.MultiTenancy;

public sealed class PostgresDatabaseTenantStoreTests(PostgresDatabaseFixture database)
    : DatabaseTenantStoreTests, IClassFixture<PostgresDatabaseFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override Task<DatabaseConnector> CreateConnectorAsync()
    {
        _dataSource = PostgresConnector.CreateDataSource(database.ConnectionString, new PersistenceOptions());
        return Task.FromResult<DatabaseConnector>(new PostgresConnector(_dataSource));
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
