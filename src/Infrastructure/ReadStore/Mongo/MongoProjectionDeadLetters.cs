using MongoDB.Driver;
using Reference.Infrastructure.Projections;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>Projection dead letters in MongoDB, one per (projection, generation, event) by a unique index.</summary>
public sealed class MongoProjectionDeadLetters(IMongoDatabase database) : IProjectionDeadLetters
{
    private IMongoCollection<ProjectionDeadLetter> Collection => database.GetCollection<ProjectionDeadLetter>("projection_dead_letters");

    public async Task AddAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var f = Builders<ProjectionDeadLetter>.Filter;
        await Collection.ReplaceOneAsync(
            f.Eq(d => d.Projection, deadLetter.Projection) & f.Eq(d => d.Generation, deadLetter.Generation) & f.Eq(d => d.EventId, deadLetter.EventId),
            deadLetter,
            new ReplaceOptions { IsUpsert = true },
            cancellationToken);
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

        return await Collection.Find(filter).SortBy(d => d.FailedAt).Limit(limit).ToListAsync(cancellationToken);
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
}
