namespace Reference.TestSupport.Mongo;

/// <summary>A MongoDB endpoint the tests may use: a real server, or the Mongo-wire emulator.</summary>
internal interface IMongoHost
{
    string ConnectionString { get; }

    /// <summary>Where it came from, for diagnostics.</summary>
    string Description { get; }

    bool IsEmulator { get; }

    /// <summary>Stops it (if the tests own it). Called once, when the process exits.</summary>
    void Shutdown();
}
