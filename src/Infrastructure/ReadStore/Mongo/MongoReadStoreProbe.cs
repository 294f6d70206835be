using MongoDB.Bson;
using MongoDB.Driver;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>Pings the read store's MongoDB database.</summary>
public sealed class MongoReadStoreProbe(IMongoDatabase database) : IReadStoreProbe
{
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
}
