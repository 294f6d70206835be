using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using Reference.Features;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.State;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the state-stored aggregates' model per provider without a
/// running host, from the same registrations the host uses. The connections are placeholders: adding a
/// migration never connects.
/// </summary>
public sealed class PostgresStateDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStateDbContext>
{
    public PostgresStateDbContext CreateDbContext(string[] args) =>
        (PostgresStateDbContext)StateDesignTime.Factory(PersistenceProvider.Postgres).Create(new NpgsqlConnection("Host=localhost"));
}

/// <inheritdoc cref="PostgresStateDesignTimeFactory"/>
public sealed class SqliteStateDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStateDbContext>
{
    public SqliteStateDbContext CreateDbContext(string[] args) =>
        (SqliteStateDbContext)StateDesignTime.Factory(PersistenceProvider.Sqlite).Create(new SqliteConnection("Data Source=design.db"));
}

internal static class StateDesignTime
{
    public static StateDbContextFactory Factory(PersistenceProvider provider)
    {
        var services = new ServiceCollection();
        services.AddFeatureModules(new ConfigurationBuilder().Build());
        var persistence = new PersistenceBuilder(services);
        StateStoredAggregates.Register(persistence);
        var model = DefinedStateStoredAggregates.ModelOf(services.BuildServiceProvider());
        return new StateDbContextFactory(provider, model, new AmbientTenantContext(), persistence.StateMigrationsAssembly);
    }
}
