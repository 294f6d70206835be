namespace Reference.TestSupport.Mongo;

/// <summary>
/// The MongoDB endpoint of a test process: the server named by <c>MONGODB_URI</c> when it is set (MongoDB itself,
/// e.g. the docker/ compose stack), otherwise the Mongo-wire emulator, started on first use and stopped when the
/// process exits. Either way the Mongo tests run; nothing is skipped. Tests never share a database: each names
/// its own, so runs against one server do not collide.
/// </summary>
public sealed class MongoTestServer
{
    /// <summary>A MongoDB connection string; when set, the tests run against that server instead of the emulator.</summary>
    public const string ConnectionStringVariable = "MONGODB_URI";

    private readonly Lazy<IMongoHost> _host = new(Provision, LazyThreadSafetyMode.ExecutionAndPublication);

    private MongoTestServer()
    {
    }

    public static MongoTestServer Instance { get; } = new();

    public string ConnectionString => _host.Value.ConnectionString;

    /// <summary>e.g. "Mongo-wire emulator (mongomock, pid 123) on 127.0.0.1:40123" or "MongoDB at MONGODB_URI".</summary>
    public string Description => _host.Value.Description;

    /// <summary>True when the tests run against the Mongo-wire emulator rather than MongoDB.</summary>
    public bool IsEmulator => _host.Value.IsEmulator;

    /// <summary>A database name no other test (or test process) uses.</summary>
    public static string NewDatabaseName(string prefix = "reference_test") => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static IMongoHost Provision()
    {
        IMongoHost host = Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } uri
            ? new ExternalMongoHost(uri)
            : MongoWireEmulator.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.Shutdown();
        return host;
    }

    private sealed class ExternalMongoHost(string connectionString) : IMongoHost
    {
        public string ConnectionString => connectionString;

        public string Description => $"MongoDB at {ConnectionStringVariable}";

        public bool IsEmulator => false;

        public void Shutdown()
        {
        }
    }
}
