namespace Reference.Infrastructure.ReadStore;

/// <summary>Where read models live (<c>ReadStore:Provider</c>).</summary>
public enum ReadStoreProvider
{
    /// <summary>Tables in the write side's database (PostgreSQL or SQLite): the default.</summary>
    Relational,

    /// <summary>Collections in MongoDB (<c>ConnectionStrings:Mongo</c>).</summary>
    Mongo,

    /// <summary>Process memory: tests and throwaway runs.</summary>
    InMemory,
}
