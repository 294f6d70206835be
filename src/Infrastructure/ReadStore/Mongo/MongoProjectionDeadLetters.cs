using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Reference.Infrastructure.Projections;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>
/// Projection dead letters in MongoDB, one per (projection, generation, event) by a unique index. The runner adds a
/// batch's dead letters before the batch commits, so a retried batch adds them again: an add is an insert-only
/// upsert, a no-op for an event already dead-lettered, which keeps its <c>_id</c> (the id the API hands out) and
/// its re-drive mark. Replacing it instead would change <c>_id</c>, which MongoDB refuses (ImmutableField, 66) on
/// every retry, stalling the projection.
/// </summary>
public sealed class MongoProjectionDeadLetters(IMongoDatabase database) : IProjectionDeadLetters
{
    private const string UniqueIndex = "projection_generation_event";

    private static readonly string[] SeededElements = [.. new[]
    {
        nameof(ProjectionDeadLetter.Projection), nameof(ProjectionDeadLetter.Generation), nameof(ProjectionDeadLetter.EventId),
    }.Select(member => BsonClassMap.LookupClassMap(typeof(ProjectionDeadLetter)).GetMemberMap(member).ElementName)];

    private volatile bool _indexed;

    private IMongoCollection<ProjectionDeadLetter> Collection => database.GetCollection<ProjectionDeadLetter>("projection_dead_letters");

    public async Task AddAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await EnsureIndexAsync(cancellationToken);
        var f = Builders<ProjectionDeadLetter>.Filter;
        var ofEvent = f.Eq(d => d.Projection, deadLetter.Projection) & f.Eq(d => d.Generation, deadLetter.Generation) & f.Eq(d => d.EventId, deadLetter.EventId);

        // The upsert seeds the filter's fields; every other field is set only when the document is inserted.
        var document = deadLetter.ToBsonDocument();
        foreach (var seeded in SeededElements)
        {
            document.Remove(seeded);
        }

        try
        {
            await Collection.UpdateOneAsync(
                ofEvent,
                new BsonDocumentUpdateDefinition<ProjectionDeadLetter>(new BsonDocument("$setOnInsert", document)),
                new UpdateOptions { IsUpsert = true },
                cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // A concurrent add of the same event inserted first; one dead letter is the point.
        }
    }

    public async Task<IReadOnlyList<ProjectionDeadLetter>> ListAsync(
        string? projection, bool includeRedriven, int limit, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var f = Builders<ProjectionDeadLetter>.Filter;
        var filter = f.Empty;
        if (projection is not null)
        {
            filter &= f.Eq(d => d.Projection, projection);
        }

        if (tenantId is not null)
        {
            filter &= f.Eq(d => d.TenantId, tenantId);
        }

        if (!includeRedriven)
        {
            filter &= f.Eq(d => d.RedrivenAt, null);
        }

        // Log order, as the relational store lists them.
        return await Collection.Find(filter)
            .SortBy(d => d.Position.TransactionId).ThenBy(d => d.Position.Position)
            .Limit(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<ProjectionDeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await Collection.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> MarkRedrivenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var result = await Collection.UpdateOneAsync(
            d => d.Id == id && d.RedrivenAt == null,
            Builders<ProjectionDeadLetter>.Update.Set(d => d.RedrivenAt, at),
            cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    // Creating an index that exists is a no-op, so every node may do it, once per process.
    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_indexed)
        {
            return;
        }

        var keys = Builders<ProjectionDeadLetter>.IndexKeys;
        await Collection.Indexes.CreateOneAsync(
            new CreateIndexModel<ProjectionDeadLetter>(
                keys.Ascending(d => d.Projection).Ascending(d => d.Generation).Ascending(d => d.EventId),
                new CreateIndexOptions { Name = UniqueIndex, Unique = true }),
            cancellationToken: cancellationToken);
        _indexed = true;
    }
}
