using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>
/// The indexes of a read model's collection, in one place so unit tests can render them without a
/// server: tenant and tombstone flag first (every read filters on both), then each index the
/// read model declares in <see cref="IReadModel.Indexes"/>.
/// </summary>
public static class MongoReadModelIndexes
{
    public static IReadOnlyList<CreateIndexModel<MongoEnvelope<T>>> For<T>()
        where T : class, IReadModel
    {
        var keys = Builders<MongoEnvelope<T>>.IndexKeys;
        var classMap = BsonClassMap.LookupClassMap(typeof(T));
        var models = new List<CreateIndexModel<MongoEnvelope<T>>>
        {
            new(keys.Ascending(e => e.TenantId).Ascending(e => e.Deleted), new CreateIndexOptions { Name = "tenant_live" }),
        };
        foreach (var index in ReadModelIndexes.Of<T>())
        {
            var definition = keys.Ascending(e => e.TenantId).Ascending(e => e.Deleted);
            foreach (var property in index.Properties)
            {
                definition = definition.Ascending($"doc.{ElementName(classMap, property)}");
            }

            models.Add(new(definition, new CreateIndexOptions { Name = "tenant_live_" + string.Join('_', index.Properties.Select(ReadModelCatalog.SnakeCase)) }));
        }

        return models;
    }

    private static string ElementName(BsonClassMap classMap, string property) =>
        classMap.GetMemberMap(property)?.ElementName
            ?? throw new InvalidOperationException($"{classMap.ClassType.Name} declares an index on '{property}', which is not a stored member.");
}
