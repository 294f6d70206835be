using MongoDB.Bson.Serialization.Attributes;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>A document of <c>projection_checkpoints</c>; <c>_id</c> is "projection/generation".</summary>
public sealed class MongoCheckpointDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public string Projection { get; set; } = "";

    public int Generation { get; set; }

    public long TransactionId { get; set; }

    public long Position { get; set; }

    public string Status { get; set; } = "";

    public string? Owner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long EventsProcessed { get; set; }

    public string? LastError { get; set; }

    public long? RebuildTotal { get; set; }

    public static string IdOf(string projection, int generation) => $"{projection}/{generation}";
}
