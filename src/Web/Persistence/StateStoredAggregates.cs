using Reference.Infrastructure.Persistence;

namespace Reference.Web.Persistence;

/// <summary>
/// Where the state-stored aggregates' migrations live (this assembly), for the host and for <c>dotnet ef</c>
/// (through <see cref="PostgresStateDesignTimeFactory"/> and <see cref="SqliteStateDesignTimeFactory"/>). Which
/// aggregates are state-stored is each slice module's statement (<c>StateStoredAggregateDefinition</c>).
/// </summary>
public static class StateStoredAggregates
{
    public static void Register(PersistenceBuilder persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        persistence.StateMigrationsAssembly = typeof(StateStoredAggregates).Assembly.GetName().Name;
    }
}
