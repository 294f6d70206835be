using MongoDB.Driver;
using Reference.TestSupport.Mongo;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// A throwaway database seeded with <see cref="TestOrders"/>, on MongoDB when <c>MONGODB_URI</c> is set, else on the
/// Mongo-wire emulator.
/// </summary>
public sealed class MongoFilteringFixture : IAsyncLifetime
{
    private readonly string _databaseName = MongoTestServer.NewDatabaseName("reference_filtering");
    private MongoClient? _client;

    public IMongoCollection<TestOrder> Orders =>
        (_client ?? throw new InvalidOperationException("The fixture is initialised first."))
            .GetDatabase(_databaseName).GetCollection<TestOrder>("orders");

    public async Task InitializeAsync()
    {
        _ = MongoFilteringModel.Serializer;
        _client = new MongoClient(MongoTestServer.Instance.ConnectionString);
        await Orders.InsertManyAsync(TestOrders.All());
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DropDatabaseAsync(_databaseName);
            _client.Dispose();
        }
    }
}
