using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Locks;

public sealed class PostgresLocksTests(PostgresDatabaseFixture store)
    : LockProviderContract(store.ConnectionString), IClassFixture<PostgresDatabaseFixture>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Locks:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = store.ConnectionString,
    };
}
