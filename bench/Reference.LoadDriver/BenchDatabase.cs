using Npgsql;
using Reference.TestSupport.Postgres;

namespace Reference.LoadDriver;

/// <summary>
/// The database both contenders write to. The throwaway test cluster trades durability for speed (fsync and
/// synchronous commits off); a durable run turns them back on for the whole cluster, which this process owns,
/// so each commit waits for its WAL flush as on a production server.
/// </summary>
public static class BenchDatabase
{
    public static async Task<string> CreateAsync(bool durable)
    {
        var server = PostgresServer.Instance;
        if (durable)
        {
            var admin = await server.GetAdminConnectionStringAsync();
            if (!string.Equals(admin, await server.GetTestStartedAdminConnectionStringAsync(), StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"--durable changes the settings of a cluster the driver starts itself; unset {PostgresServer.ConnectionStringVariable}, " +
                    "or run without --durable against your own server configured as you want it.");
            }

            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
            {
                await using var alter = new NpgsqlCommand($"ALTER SYSTEM SET {setting} = on", connection);
                await alter.ExecuteNonQueryAsync();
            }

            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteScalarAsync();
        }

        return await server.CreateDatabaseAsync("bench");
    }

    /// <summary>The commit settings a new session of the database sees, e.g. "fsync on, synchronous_commit on".</summary>
    public static async Task<string> DescribeCommitsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('fsync'), current_setting('synchronous_commit')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"fsync {reader.GetString(0)}, synchronous_commit {reader.GetString(1)}";
    }
}
