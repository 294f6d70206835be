using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Reference.TestSupport.Postgres;

/// <summary>
/// Empties every table of a PostgreSQL database between tests (Respawn), keeping the schema and the
/// migration-history tables (the known ones and every <c>__*migrations</c> table, as each EF Core
/// migration set names its own) so migrations need not run again.
/// </summary>
/// <remarks>The table list is read on the first reset: create the schema (run migrations) before resetting.</remarks>
public sealed class DatabaseReset(string connectionString, params string[] tablesToKeep)
{
    /// <summary>Tables that record applied migrations; their rows survive a reset.</summary>
    public static IReadOnlyList<string> MigrationHistoryTables { get; } = ["__EFMigrationsHistory", "schemaversions"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Respawner? _respawner;

    public string ConnectionString { get; } = connectionString;

    private string[] TablesToKeep { get; } = [.. MigrationHistoryTables, .. tablesToKeep];

    /// <summary>Deletes all rows from every table except the migration-history tables and <c>tablesToKeep</c>.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            if (_respawner is null)
            {
                var keep = await TablesToKeepAsync(connection, cancellationToken);

                // Respawn refuses a database without tables; there is nothing to empty yet, so ask again next time.
                if (!await HasTablesToEmptyAsync(connection, keep, cancellationToken))
                {
                    return;
                }

                _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
                {
                    DbAdapter = DbAdapter.Postgres,
                    TablesToIgnore = keep.Select(table => new Table(table)).ToArray(),
                    WithReseed = true,
                });
            }

            await _respawner.ResetAsync(connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string[]> TablesToKeepAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_name LIKE '\_\_%migrations'
            """,
            connection);
        var keep = new List<string>(TablesToKeep);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keep.Add(reader.GetString(0));
        }

        return [.. keep.Distinct(StringComparer.Ordinal)];
    }

    private static async Task<bool> HasTablesToEmptyAsync(NpgsqlConnection connection, string[] keep, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT EXISTS (
                SELECT 1 FROM information_schema.tables
                WHERE table_type = 'BASE TABLE'
                  AND table_schema NOT IN ('pg_catalog', 'information_schema')
                  AND NOT (table_name = ANY (@keep)))
            """,
            connection);
        command.Parameters.AddWithValue("keep", keep);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
