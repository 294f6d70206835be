#if (Samples)
using Reference.Features.Customers.Domain;
#endif
using Reference.Infrastructure.Persistence;

namespace Reference.Web.Persistence;

/// <summary>
/// The application's state-stored aggregates and where their migrations live, in one place for the
/// host and for <c>dotnet ef</c> (through <see cref="PostgresStateDesignTimeFactory"/> and
/// <see cref="SqliteStateDesignTimeFactory"/>).
/// </summary>
public static class StateStoredAggregates
{
    public static void Register(PersistenceBuilder persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        persistence.StateMigrationsAssembly = typeof(StateStoredAggregates).Assembly.GetName().Name;
#if (Samples)
        persistence.AddStateStoredAggregate<Customer, Guid>();
#endif
    }
}
