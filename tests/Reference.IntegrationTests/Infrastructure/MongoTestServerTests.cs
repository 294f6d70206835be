using MongoDB.Bson;
using MongoDB.Driver;
using Reference.IntegrationTests.Projections.Support;
using Reference.TestSupport.Mongo;

namespace Reference.IntegrationTests.Infrastructure;

/// <summary>
/// What the Mongo tests rely on from their endpoint (MongoDB at <c>MONGODB_URI</c>, else the Mongo-wire emulator):
/// the behaviour the adapter needs is the same on both, and what the emulator cannot do it refuses loudly rather
/// than ignores (docs/adr/0005), while MongoDB (the docker/ replica set) does it.
/// </summary>
public sealed class MongoTestServerTests : IAsyncLifetime
{
    private readonly MongoTestDatabases _databases = new();
    private IMongoCollection<BsonDocument> _collection = null!;

    private static bool IsEmulator => MongoTestServer.Instance.IsEmulator;

    public Task InitializeAsync()
    {
        _collection = _databases.New().GetCollection<BsonDocument>("items");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();

    [Fact]
    public async Task The_endpoint_answers_the_handshake_ping_and_build_info()
    {
        var admin = MongoTestDatabases.Client.GetDatabase("admin");

        Assert.Equal(1.0, (await admin.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1)))["ok"].ToDouble());
        var buildInfo = await admin.RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1));
        Assert.Matches(@"^\d+\.\d+", buildInfo["version"].AsString);
        Assert.Equal(IsEmulator, buildInfo.GetValue("gitVersion", "").AsString == "mongo-wire-emulator");
    }

    [Fact]
    public async Task Decimal128_values_compare_and_sort_by_value_as_numbers()
    {
        await _collection.InsertManyAsync(
        [
            new BsonDocument { ["_id"] = 1, ["total"] = new BsonDecimal128(100m) },
            new BsonDocument { ["_id"] = 2, ["total"] = new BsonDecimal128(9.50m) },
            new BsonDocument { ["_id"] = 3, ["total"] = new BsonDecimal128(25.00m) },
            new BsonDocument { ["_id"] = 4, ["total"] = 30 },
        ]);
        var f = Builders<BsonDocument>.Filter;

        var above = await _collection.Find(f.Gt("total", new BsonDecimal128(10m))).Sort(Builders<BsonDocument>.Sort.Descending("total")).ToListAsync();
        var equal = await _collection.Find(f.Eq("total", new BsonDecimal128(25m))).ToListAsync();

        Assert.Equal([1, 4, 3], above.Select(d => d["_id"].AsInt32));
        Assert.Equal([3], equal.Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public async Task A_unique_index_refuses_a_duplicate_with_a_duplicate_key_error()
    {
        await _collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            Builders<BsonDocument>.IndexKeys.Ascending("k"), new CreateIndexOptions { Unique = true, Name = "k_unique" }));
        await _collection.InsertOneAsync(new BsonDocument("k", "a"));

        var duplicate = await Assert.ThrowsAsync<MongoWriteException>(() => _collection.InsertOneAsync(new BsonDocument("k", "a")));

        Assert.Equal(ServerErrorCategory.DuplicateKey, duplicate.WriteError.Category);
        var indexes = await (await _collection.Indexes.ListAsync()).ToListAsync();
        Assert.Contains(indexes, i => i["name"] == "k_unique" && i.GetValue("unique", false).ToBoolean());
    }

    [Fact]
    public async Task Replacing_a_document_with_another_id_is_refused_as_an_immutable_field()
    {
        await _collection.InsertOneAsync(new BsonDocument { ["_id"] = "first", ["k"] = "a" });

        var refused = await Assert.ThrowsAsync<MongoWriteException>(() =>
            _collection.ReplaceOneAsync(new BsonDocument("k", "a"), new BsonDocument { ["_id"] = "second", ["k"] = "a" }, new ReplaceOptions { IsUpsert = true }));

        Assert.Equal(66, refused.WriteError.Code);
        Assert.Equal("first", (await _collection.Find(FilterDefinition<BsonDocument>.Empty).SingleAsync())["_id"].AsString);
    }

    [Fact]
    public async Task Collation_is_applied_by_MongoDB_and_refused_by_the_emulator_never_ignored()
    {
        await _collection.InsertOneAsync(new BsonDocument("name", "alpha"));
        var caseInsensitive = new FindOptions { Collation = new Collation("en", strength: CollationStrength.Secondary) };

        var find = () => _collection.Find(new BsonDocument("name", "ALPHA"), caseInsensitive).ToListAsync();

        if (IsEmulator)
        {
            Assert.Equal(115, (await Assert.ThrowsAsync<MongoCommandException>(find)).Code);
        }
        else
        {
            Assert.Single(await find());
        }
    }

    [Fact]
    public async Task Transactions_run_on_MongoDB_and_are_refused_by_the_emulator_never_ignored()
    {
        // Connected first, so the driver knows what kind of server it talks to.
        await MongoTestDatabases.Client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
        using var session = await MongoTestDatabases.Client.StartSessionAsync();

        if (IsEmulator)
        {
            // The emulator poses as a standalone server without sessions: the driver refuses before anything is sent.
            Assert.Contains("do not support transactions", Assert.Throws<NotSupportedException>(() => session.StartTransaction()).Message, StringComparison.Ordinal);
        }
        else
        {
            session.StartTransaction();
            await _collection.InsertOneAsync(session, new BsonDocument("k", "rolled back"));
            await session.AbortTransactionAsync();
        }

        Assert.Equal(0, await _collection.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
    }

    [Fact]
    public async Task Change_streams_run_on_MongoDB_and_are_refused_by_the_emulator_never_ignored()
    {
        if (IsEmulator)
        {
            Assert.Equal(40573, (await Assert.ThrowsAsync<MongoCommandException>(() => _collection.WatchAsync())).Code);
            return;
        }

        using var changes = await _collection.WatchAsync();
        await _collection.InsertOneAsync(new BsonDocument("k", "seen"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await changes.MoveNextAsync(timeout.Token))
        {
            if (changes.Current.Any())
            {
                Assert.Equal("seen", changes.Current.First().FullDocument["k"].AsString);
                return;
            }
        }

        Assert.Fail("The change stream ended without the insert.");
    }
}
