using Reference.IntegrationTests.Redis;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Locks;

public sealed class RedisLocksTests(RedisTestServer redis, PostgresDatabaseFixture store)
    : LockProviderContract(store.ConnectionString), IClassFixture<RedisTestServer>, IClassFixture<PostgresDatabaseFixture>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Locks:Provider"] = "Redis",
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
    };
}
