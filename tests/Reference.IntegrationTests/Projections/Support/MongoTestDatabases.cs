using MongoDB.Driver;
using Reference.Infrastructure.ReadStore.Mongo;
using Reference.TestSupport.Mongo;

namespace Reference.IntegrationTests.Projections.Support;

/// <summary>
/// Fresh databases on the tests' MongoDB endpoint (<see cref="MongoTestServer"/>: MongoDB at <c>MONGODB_URI</c>, else
/// the Mongo-wire emulator), with the read store's serializers registered; each test drops the ones it made.
/// </summary>
public sealed class MongoTestDatabases : IAsyncDisposable
{
    private static readonly Lazy<MongoClient> SharedClient = new(() =>
    {
        MongoReadStoreServiceCollectionExtensions.RegisterSerializers();
        return new MongoClient(MongoTestServer.Instance.ConnectionString);
    });

    private readonly List<string> _created = [];

    public static IMongoClient Client => SharedClient.Value;

    public IMongoDatabase New()
    {
        var name = MongoTestServer.NewDatabaseName();
        lock (_created)
        {
            _created.Add(name);
        }

        return Client.GetDatabase(name);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _created)
        {
            await Client.DropDatabaseAsync(name);
        }
    }
}
