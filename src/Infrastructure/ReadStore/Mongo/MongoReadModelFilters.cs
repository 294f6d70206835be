using MongoDB.Driver;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>
/// Every filter the Mongo store sends, in one place so unit tests can render them without a
/// server. Each one names the tenant: a query or write can never reach another tenant's documents.
/// </summary>
public static class MongoReadModelFilters
{
    /// <summary>The live (non-deleted) documents of one tenant.</summary>
    public static FilterDefinition<MongoEnvelope<T>> Tenant<T>(string tenantId)
        where T : class, IReadModel
    {
        var f = Builders<MongoEnvelope<T>>.Filter;
        return f.Eq(e => e.TenantId, tenantId) & f.Eq(e => e.Deleted, false);
    }

    /// <summary>One live document of one tenant.</summary>
    public static FilterDefinition<MongoEnvelope<T>> Document<T>(string tenantId, string id)
        where T : class, IReadModel
    {
        var f = Builders<MongoEnvelope<T>>.Filter;
        return f.Eq(e => e.Key, new MongoKey(tenantId, id)) & Tenant<T>(tenantId);
    }

    /// <summary>Documents (and tombstones) by key, across tenants, for a projection batch.</summary>
    public static FilterDefinition<MongoEnvelope<T>> Keys<T>(IEnumerable<ReadModelKey> keys)
        where T : class, IReadModel =>
        Builders<MongoEnvelope<T>>.Filter.In(e => e.Key, keys.Select(k => new MongoKey(k.TenantId, k.Id)));

    /// <summary>
    /// The position guard of a write: the stored document has not seen the write's position yet
    /// (or, for a compare-and-set write, is exactly at the expected position). Used with upsert,
    /// a document that is already further along fails the filter, the upsert collides on <c>_id</c>,
    /// and the collision is the no-op.
    /// </summary>
    public static FilterDefinition<MongoEnvelope<T>> Guard<T>(ReadModelWrite<T> write)
        where T : class, IReadModel
    {
        ArgumentNullException.ThrowIfNull(write);
        var f = Builders<MongoEnvelope<T>>.Filter;
        var key = f.Eq(e => e.Key, new MongoKey(write.Key.TenantId, write.Key.Id)) & f.Eq(e => e.TenantId, write.Key.TenantId);
        if (write.ExpectedPosition is { } expected)
        {
            return key & f.Eq(e => e.TransactionId, expected.TransactionId) & f.Eq(e => e.Position, expected.Position);
        }

        return key & Before<T>(write.Position);
    }

    /// <summary>Stored position strictly before <paramref name="position"/>, comparing (tx, position) in order.</summary>
    public static FilterDefinition<MongoEnvelope<T>> Before<T>(LogPosition position)
        where T : class, IReadModel
    {
        var f = Builders<MongoEnvelope<T>>.Filter;
        return f.Lt(e => e.TransactionId, position.TransactionId)
            | (f.Eq(e => e.TransactionId, position.TransactionId) & f.Lt(e => e.Position, position.Position));
    }

    /// <summary>The stored form of a write: the document, or a tombstone that keeps the position.</summary>
    public static MongoEnvelope<T> Envelope<T>(ReadModelWrite<T> write)
        where T : class, IReadModel
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Document is { } document)
        {
            document.Id = write.Key.Id;
            document.TenantId = write.Key.TenantId;
        }

        return new MongoEnvelope<T>
        {
            Key = new MongoKey(write.Key.TenantId, write.Key.Id),
            TenantId = write.Key.TenantId,
            TransactionId = write.Position.TransactionId,
            Position = write.Position.Position,
            Deleted = write.Document is null,
            Document = write.Document,
        };
    }
}
