using System.Data.Common;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Creates the process tables with the write side (<see cref="PersistenceMigrator"/>) and reports them to readiness
/// until they exist. Every statement is idempotent, so nodes starting together do not collide.
/// </summary>
public sealed class ProcessSchemaMigration(DatabaseConnector connector) : ISchemaMigration
{
    public string Name => "processes";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ProcessTables.Create;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var pending = new List<string>();
        foreach (var table in ProcessTables.All)
        {
            if (!await ExistsAsync(connection, table, cancellationToken))
            {
                pending.Add($"table {table}");
            }
        }

        return pending;
    }

    private static Task<bool> ExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken) =>
        PersistenceMigrator.TableExistsAsync(connection, table, cancellationToken);
}
