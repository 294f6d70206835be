using MongoDB.Driver;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>Checkpoints in MongoDB; each change is one conditional single-document update (atomic in MongoDB).</summary>
public sealed class MongoCheckpointStore(IMongoDatabase database) : ICheckpointStore
{
    private IMongoCollection<MongoCheckpointDocument> Collection => database.GetCollection<MongoCheckpointDocument>("projection_checkpoints");

    public async Task<Checkpoint?> GetAsync(string projection, int generation, CancellationToken cancellationToken = default)
    {
        var id = MongoCheckpointDocument.IdOf(projection, generation);
        var document = await Collection.Find(c => c.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ToCheckpoint(document);
    }

    public async Task<IReadOnlyList<Checkpoint>> ListAsync(string? projection = null, CancellationToken cancellationToken = default)
    {
        var filter = projection is null ? Builders<MongoCheckpointDocument>.Filter.Empty : Builders<MongoCheckpointDocument>.Filter.Eq(c => c.Projection, projection);
        var documents = await Collection.Find(filter).SortBy(c => c.Projection).ThenBy(c => c.Generation).ToListAsync(cancellationToken);
        return documents.Select(ToCheckpoint).ToList();
    }

    public async Task<bool> TryCreateAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        try
        {
            await Collection.InsertOneAsync(ToDocument(checkpoint), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<Checkpoint?> TryAcquireAsync(
        string projection, int generation, string owner, DateTimeOffset leaseUntil, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var f = Builders<MongoCheckpointDocument>.Filter;
        var at = now.UtcDateTime;
        var filter = f.Eq(c => c.Id, MongoCheckpointDocument.IdOf(projection, generation))
            & (f.Eq(c => c.Owner, null) | f.Eq(c => c.Owner, owner) | f.Eq(c => c.LeaseUntil, null) | f.Lte(c => c.LeaseUntil, at));
        var update = Builders<MongoCheckpointDocument>.Update
            .Set(c => c.Owner, owner).Set(c => c.LeaseUntil, leaseUntil.UtcDateTime).Set(c => c.UpdatedAt, at);
        var document = await Collection.FindOneAndUpdateAsync(
            filter, update, new FindOneAndUpdateOptions<MongoCheckpointDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        return document is null ? null : ToCheckpoint(document);
    }

    public async Task<bool> TrySaveAsync(Checkpoint next, Checkpoint previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(previous);
        if (next.Projection != previous.Projection || next.Generation != previous.Generation)
        {
            return false;
        }

        var f = Builders<MongoCheckpointDocument>.Filter;
        var filter = f.Eq(c => c.Id, MongoCheckpointDocument.IdOf(previous.Projection, previous.Generation))
            & f.Eq(c => c.Owner, previous.Owner)
            & f.Eq(c => c.TransactionId, previous.Position.TransactionId)
            & f.Eq(c => c.Position, previous.Position.Position);
        var result = await Collection.ReplaceOneAsync(filter, ToDocument(next), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1 || result.MatchedCount == 1;
    }

    private static Checkpoint ToCheckpoint(MongoCheckpointDocument d) => new(
        d.Projection,
        d.Generation,
        new LogPosition(d.TransactionId, d.Position),
        Enum.Parse<ProjectionStatus>(d.Status),
        d.Owner,
        d.LeaseUntil is { } lease ? new DateTimeOffset(DateTime.SpecifyKind(lease, DateTimeKind.Utc)) : null,
        new DateTimeOffset(DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc)),
        new DateTimeOffset(DateTime.SpecifyKind(d.UpdatedAt, DateTimeKind.Utc)),
        d.EventsProcessed,
        d.LastError,
        d.RebuildTotal);

    private static MongoCheckpointDocument ToDocument(Checkpoint c) => new()
    {
        Id = MongoCheckpointDocument.IdOf(c.Projection, c.Generation),
        Projection = c.Projection,
        Generation = c.Generation,
        TransactionId = c.Position.TransactionId,
        Position = c.Position.Position,
        Status = c.Status.ToString(),
        Owner = c.Owner,
        LeaseUntil = c.LeaseUntil?.UtcDateTime,
        CreatedAt = c.CreatedAt.UtcDateTime,
        UpdatedAt = c.UpdatedAt.UtcDateTime,
        EventsProcessed = c.EventsProcessed,
        LastError = c.LastError,
        RebuildTotal = c.RebuildTotal,
    };
}
