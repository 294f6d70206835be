using Npgsql;

namespace Reference.IntegrationTests.Projections.Support;

/// <summary>
/// Fresh, empty databases for projection tests: one PostgreSQL database (on the server named by
/// <c>REFERENCE_TEST_POSTGRES</c>) or one SQLite file per call, so tests never see each other's rows.
/// </summary>
public static class TestDatabases
{
    public const string ServerVariable = "REFERENCE_TEST_POSTGRES";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException(
            $"Set {ServerVariable} to a PostgreSQL server connection string (e.g. Host=127.0.0.1;Port=5432;Username=postgres) to run the projection integration tests.");

    public static async Task<string> NewPostgresAsync()
    {
        var name = "proj_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString;
    }

    public static string NewSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reference-projection-tests");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}";
    }
}
