using MongoDB.Bson.Serialization.Attributes;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>
/// How a read-model document is stored in MongoDB: the document itself under <c>doc</c>, keyed
/// by (tenant, id), with the log position of the last event applied and a tombstone flag.
/// </summary>
public sealed class MongoEnvelope<TDocument>
    where TDocument : class, IReadModel
{
    [BsonId]
    public MongoKey Key { get; set; } = new("", "");

    [BsonElement("tenantId")]
    public string TenantId { get; set; } = "";

    [BsonElement("tx")]
    public long TransactionId { get; set; }

    [BsonElement("pos")]
    public long Position { get; set; }

    [BsonElement("deleted")]
    public bool Deleted { get; set; }

    [BsonElement("doc")]
    [BsonIgnoreIfNull]
    public TDocument? Document { get; set; }
}

/// <summary>The compound <c>_id</c>: tenant first, so the primary index leads with the tenant.</summary>
public sealed record MongoKey(
    [property: BsonElement("t")] string TenantId,
    [property: BsonElement("i")] string Id);
