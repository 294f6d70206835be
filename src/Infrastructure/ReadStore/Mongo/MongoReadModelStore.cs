using System.Collections.Concurrent;
using MongoDB.Driver;
using MongoDB.Driver.Linq;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>
/// A read model in MongoDB, one collection per generation (<c>rm_order_summary_g2</c>); the
/// serving generation is a document of <c>read_model_generations</c>, switched in one update.
/// There is no transaction across documents and checkpoint: every write is guarded by the
/// document's last applied position instead, so a batch replayed after a crash (documents written,
/// checkpoint not) changes nothing, and the checkpoint's compare-and-set stops a zombie.
/// </summary>
public sealed class MongoReadModelStore<TDocument>(IMongoDatabase database, ICheckpointStore checkpoints, ITenantContext tenant)
    : IReadModelStore<TDocument>
    where TDocument : class, IReadModel
{
    private const int DuplicateKey = 11000;
    private static readonly string ReadModelName = Relational.ReadModelCatalog.TableOf(typeof(TDocument));
    private readonly ConcurrentDictionary<int, bool> _indexedGenerations = new();

    private IMongoCollection<MongoServingGeneration> Generations => database.GetCollection<MongoServingGeneration>("read_model_generations");

    public static string CollectionName(int generation) => $"{ReadModelName}_g{generation}";

    public async Task<TDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.RequireTenantId();
        var collection = await ServingCollectionAsync(cancellationToken);
        var envelope = await collection.Find(MongoReadModelFilters.Document<TDocument>(tenantId, id)).FirstOrDefaultAsync(cancellationToken);
        return envelope?.Document;
    }

    public async Task<IReadOnlyList<TDocument>> ListAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var documents = await TenantQueryAsync(cancellationToken);
        return await MongoQueryable.ToListAsync(query(documents), cancellationToken);
    }

    public async Task<int> CountAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var documents = await TenantQueryAsync(cancellationToken);
        return await MongoQueryable.CountAsync(filter(documents), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<ReadModelKey, PositionedDocument<TDocument>>> LoadAsync(
        int generation, IReadOnlyCollection<ReadModelKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new Dictionary<ReadModelKey, PositionedDocument<TDocument>>();
        }

        var found = await Collection(generation).Find(MongoReadModelFilters.Keys<TDocument>(keys)).ToListAsync(cancellationToken);
        return found.ToDictionary(
            e => new ReadModelKey(e.Key.TenantId, e.Key.Id),
            e => new PositionedDocument<TDocument>(e.Deleted ? null : e.Document, new LogPosition(e.TransactionId, e.Position)));
    }

    public async Task<bool> CommitAsync(ReadModelBatch<TDocument> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Writes.Count > 0)
        {
            await EnsureIndexesAsync(batch.Generation, cancellationToken);
            var models = batch.Writes.Select(w => new ReplaceOneModel<MongoEnvelope<TDocument>>(MongoReadModelFilters.Guard(w), MongoReadModelFilters.Envelope(w))
            {
                IsUpsert = w.ExpectedPosition is null,
            });
            try
            {
                await Collection(batch.Generation).BulkWriteAsync(models, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            }
            catch (MongoBulkWriteException<MongoEnvelope<TDocument>> ex) when (ex.WriteErrors.All(e => e.Code == DuplicateKey) && ex.WriteConcernError is null)
            {
                // Each collision is a document already at or past the write's position: the guarded no-op.
            }
        }

        return batch.Checkpoint is not { } move || await checkpoints.TrySaveAsync(move.Next, move.Previous, cancellationToken);
    }

    public async Task<int> GetServingGenerationAsync(CancellationToken cancellationToken = default)
    {
        var serving = await Generations.Find(g => g.ReadModel == ReadModelName).FirstOrDefaultAsync(cancellationToken);
        return serving?.Generation ?? 1;
    }

    public Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken = default) =>
        EnsureIndexesAsync(generation, cancellationToken);

    public Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken = default) =>
        Generations.ReplaceOneAsync(
            g => g.ReadModel == ReadModelName,
            new MongoServingGeneration(ReadModelName, generation),
            new ReplaceOptions { IsUpsert = true },
            cancellationToken);

    public async Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken = default)
    {
        // Collection-per-generation: a retired generation goes in one drop.
        var name = CollectionName(generation);
        var exists = await (await database.ListCollectionNamesAsync(
            new ListCollectionNamesOptions { Filter = Builders<MongoDB.Bson.BsonDocument>.Filter.Eq("name", name) }, cancellationToken)).AnyAsync(cancellationToken);
        if (!exists)
        {
            return 0;
        }

        var count = (int)await Collection(generation).EstimatedDocumentCountAsync(cancellationToken: cancellationToken);
        await database.DropCollectionAsync(name, cancellationToken);
        return Math.Max(count, 1);
    }

    // Creating an index that exists is a no-op, so every node may do it; once per generation and
    // process also covers the first generation, which no rebuild prepared.
    private async Task EnsureIndexesAsync(int generation, CancellationToken cancellationToken)
    {
        if (_indexedGenerations.ContainsKey(generation))
        {
            return;
        }

        await Collection(generation).Indexes.CreateManyAsync(MongoReadModelIndexes.For<TDocument>(), cancellationToken);
        _indexedGenerations.TryAdd(generation, true);
    }

    private IMongoCollection<MongoEnvelope<TDocument>> Collection(int generation) =>
        database.GetCollection<MongoEnvelope<TDocument>>(CollectionName(generation));

    private async Task<IMongoCollection<MongoEnvelope<TDocument>>> ServingCollectionAsync(CancellationToken cancellationToken) =>
        Collection(await GetServingGenerationAsync(cancellationToken));

    private async Task<IQueryable<TDocument>> TenantQueryAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequireTenantId();
        var collection = await ServingCollectionAsync(cancellationToken);
        return collection.AsQueryable().Where(e => e.TenantId == tenantId && !e.Deleted).Select(e => e.Document!);
    }
}

/// <summary>A document of <c>read_model_generations</c>.</summary>
public sealed record MongoServingGeneration(
    [property: MongoDB.Bson.Serialization.Attributes.BsonId] string ReadModel,
    [property: MongoDB.Bson.Serialization.Attributes.BsonElement("generation")] int Generation);
