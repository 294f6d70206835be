namespace Reference.Infrastructure.ReadStore.Mongo;

/// <summary>The MongoDB read store (<c>ConnectionStrings:Mongo</c>, database from the URL or <c>ReadStore:MongoDatabase</c>).</summary>
public sealed class MongoReadStoreOptions
{
    public string ConnectionString { get; set; } = "mongodb://localhost:27017";

    public string Database { get; set; } = "reference";
}
