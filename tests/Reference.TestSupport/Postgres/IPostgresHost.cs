namespace Reference.TestSupport.Postgres;

/// <summary>A running PostgreSQL server the tests may use, however it was provided.</summary>
internal interface IPostgresHost
{
    /// <summary>Connection string of a superuser on the maintenance database.</summary>
    string AdminConnectionString { get; }

    /// <summary>Where the server came from, for diagnostics (e.g. "local cluster on port 54321").</summary>
    string Description { get; }

    /// <summary>Whether databases created by the tests must be dropped one by one at the end.</summary>
    bool DropsDatabasesOnShutdown { get; }

    /// <summary>Stops the server (if the tests own it). Called once, synchronously, when the process exits.</summary>
    void Shutdown();
}
