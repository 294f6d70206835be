using Npgsql;
using Reference.Infrastructure.Persistence;
using Respawn;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>
/// One PostgreSQL database per test class, migrated once and emptied with Respawn before each test.
/// The server comes from <c>REFERENCE_TEST_POSTGRES</c> (a connection string to a maintenance database).
/// </summary>
public sealed class PostgresWriteSideDatabase : IWriteSideDatabase, IAsyncLifetime
{
    private static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("REFERENCE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private readonly string _databaseName = $"writeside_{Guid.NewGuid():N}";
    private Respawner? _respawner;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _databaseName }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        await using var host = await PersistenceTestHost.StartAsync(PersistenceProvider.Postgres, ConnectionString);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__event_store_migrations", "__state_migrations"],
        });
    }

    public async Task<PersistenceTestHost> StartFreshHostAsync(Action<IDictionary<string, string?>>? settings = null)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await _respawner!.ResetAsync(connection);
        }

        return await PersistenceTestHost.StartAsync(PersistenceProvider.Postgres, ConnectionString, settings);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
