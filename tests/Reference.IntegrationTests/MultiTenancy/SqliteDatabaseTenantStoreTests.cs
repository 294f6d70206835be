using Microsoft.Data.Sqlite;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.Infrastructure.Persistence.Sqlite;

namespace Reference.IntegrationTests.MultiTenancy;

public sealed class SqliteDatabaseTenantStoreTests : DatabaseTenantStoreTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "reference-tests", $"tenants-{Guid.NewGuid():N}.db");

    protected override Task<DatabaseConnector> CreateConnectorAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        return Task.FromResult<DatabaseConnector>(new SqliteConnector($"Data Source={_file}"));
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }
}
