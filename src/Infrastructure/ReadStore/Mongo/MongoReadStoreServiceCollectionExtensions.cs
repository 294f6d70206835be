using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;
using Reference.Infrastructure.Projections;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>Registers the MongoDB read store (<c>ReadStore:Provider=Mongo</c>, <c>ConnectionStrings:Mongo</c>).</summary>
public static class MongoReadStoreServiceCollectionExtensions
{
    private static readonly Lock SerializerGate = new();
    private static bool _serializersRegistered;

    public static IServiceCollection AddMongoReadStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = new MongoUrl(configuration.GetConnectionString("Mongo") ?? "mongodb://localhost:27017/reference");
        var databaseName = configuration["ReadStore:MongoDatabase"] ?? url.DatabaseName ?? "reference";
        return services.AddMongoReadStore(url, databaseName);
    }

    public static IServiceCollection AddMongoReadStore(this IServiceCollection services, MongoUrl url, string databaseName)
    {
        RegisterSerializers();
        services.AddSingleton<IMongoClient>(_ => new MongoClient(url));
        services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(databaseName));
        services.AddSingleton<ICheckpointStore, MongoCheckpointStore>();
        services.AddSingleton(typeof(IReadModelStore<>), typeof(MongoReadModelStore<>));
        services.AddSingleton<IProjectionDeadLetters, MongoProjectionDeadLetters>();
        services.AddSingleton<IReadStoreProbe, MongoReadStoreProbe>();
        return services;
    }

    /// <summary>Guids as standard UUIDs (the driver has no default); registered once per process.</summary>
    public static void RegisterSerializers()
    {
        lock (SerializerGate)
        {
            if (_serializersRegistered)
            {
                return;
            }

            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            _serializersRegistered = true;
        }
    }
}
