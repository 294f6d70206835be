using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.Infrastructure.Persistence.State;

namespace Reference.Infrastructure.Persistence;

/// <summary>
/// Brings the database schema up to date: the event store's migrations, then the state-stored
/// aggregates' (their migrations when the application ships some, else their tables from the model),
/// then every other registered <see cref="ISchemaMigration"/>.
/// </summary>
public sealed class PersistenceMigrator(
    IServiceProvider services,
    DatabaseConnector connector,
    StateDbContextFactory stateContexts,
    IEnumerable<ISchemaMigration> otherSchemas)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await MigrateWriteSideAsync(cancellationToken);
        foreach (var schema in otherSchemas)
        {
            await schema.MigrateAsync(cancellationToken);
        }
    }

    private async Task MigrateWriteSideAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var schema = scope.ServiceProvider.GetRequiredService<EventStoreDbContext>();
            await schema.Database.MigrateAsync(cancellationToken);
        }

        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        if (connector.Provider == PersistenceProvider.Sqlite)
        {
            // Write-ahead logging lets readers carry on while the single writer holds its lock.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var state = stateContexts.Create(connection);
        if (state.Database.GetMigrations().Any())
        {
            await state.Database.MigrateAsync(cancellationToken);
            return;
        }

        await CreateMissingStateTablesAsync(state, connection, cancellationToken);
    }

    private static async Task CreateMissingStateTablesAsync(StateDbContext state, DbConnection connection, CancellationToken cancellationToken)
    {
        var tables = state.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToArray();
        if (tables.Length == 0)
        {
            return;
        }

        var existing = 0;
        foreach (var table in tables)
        {
            existing += await TableExistsAsync(connection, table, cancellationToken) ? 1 : 0;
        }

        if (existing == tables.Length)
        {
            return;
        }

        if (existing > 0)
        {
            throw new InvalidOperationException(
                "Some state-stored aggregate tables exist and others do not. Add migrations for the state-stored aggregates " +
                "(PersistenceBuilder.StateMigrationsAssembly) instead of relying on tables created from the model.");
        }

        await state.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
    }

    internal static async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
