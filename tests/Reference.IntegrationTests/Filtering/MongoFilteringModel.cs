using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// How <see cref="TestOrder"/> is stored in MongoDB: decimals as Decimal128 (the driver's default, a string, would
/// compare as text) and Guids in the standard representation.
/// </summary>
public static class MongoFilteringModel
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        BsonClassMap.TryRegisterClassMap<TestOrder>(map =>
        {
            map.AutoMap();
            map.MapProperty(o => o.Total).SetSerializer(new DecimalSerializer(BsonType.Decimal128));
            map.MapProperty(o => o.ExternalRef).SetSerializer(new GuidSerializer(GuidRepresentation.Standard));
        });
        return true;
    });

    public static IBsonSerializer<TestOrder> Serializer
    {
        get
        {
            _ = Registered.Value;
            return BsonSerializer.SerializerRegistry.GetSerializer<TestOrder>();
        }
    }

    public static BsonDocument Render(System.Linq.Expressions.Expression<Func<TestOrder, bool>> predicate) =>
        MongoDB.Driver.Builders<TestOrder>.Filter.Where(predicate)
            .Render(new MongoDB.Driver.RenderArgs<TestOrder>(Serializer, BsonSerializer.SerializerRegistry));
}
