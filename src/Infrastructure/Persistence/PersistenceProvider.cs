namespace Reference.Infrastructure.Persistence;

/// <summary>The database behind the write side.</summary>
public enum PersistenceProvider
{
    /// <summary>An embedded file database: <c>dotnet run</c> works with no infrastructure.</summary>
    Sqlite,

    /// <summary>PostgreSQL: concurrent writers and gap-safe global reads across nodes.</summary>
    Postgres,
}
