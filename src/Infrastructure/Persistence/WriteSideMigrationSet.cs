using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.Infrastructure.Persistence.State;

namespace Reference.Infrastructure.Persistence;

/// <summary>
/// The write side's schema as <see cref="PersistenceMigrator"/> builds it: the event store's
/// migrations, and the state-stored aggregates' migrations (or, when the application ships none,
/// their tables created from the model).
/// </summary>
public sealed class WriteSideMigrationSet(IServiceScopeFactory scopes, DatabaseConnector connector, StateDbContextFactory stateContexts) : IMigrationSet
{
    public string Name => "write-side";

    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var eventStore = scope.ServiceProvider.GetRequiredService<EventStoreDbContext>();
            pending.AddRange(await eventStore.Database.GetPendingMigrationsAsync(cancellationToken));
        }

        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var state = stateContexts.Create(connection);
        if (state.Database.GetMigrations().Any())
        {
            pending.AddRange(await state.Database.GetPendingMigrationsAsync(cancellationToken));
            return pending;
        }

        foreach (var table in state.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            if (!await PersistenceMigrator.TableExistsAsync(connection, table, cancellationToken))
            {
                pending.Add($"table {table}");
            }
        }

        return pending;
    }
}
