using MongoDB.Driver;

namespace Reference.IntegrationTests.Filtering;

/// <summary>A throwaway database on the <c>MONGODB_URI</c> server, seeded with <see cref="TestOrders"/>.</summary>
public sealed class MongoFilteringFixture : IAsyncLifetime
{
    private readonly string _databaseName = "reference_filtering_" + Guid.NewGuid().ToString("N")[..12];
    private MongoClient? _client;

    public IMongoCollection<TestOrder> Orders =>
        _client?.GetDatabase(_databaseName).GetCollection<TestOrder>("orders")
        ?? throw new InvalidOperationException(MongoTestServer.SkipReason);

    public async Task InitializeAsync()
    {
        if (MongoTestServer.ConnectionString is not { } uri)
        {
            return;
        }

        _ = MongoFilteringModel.Serializer;
        _client = new MongoClient(uri);
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
