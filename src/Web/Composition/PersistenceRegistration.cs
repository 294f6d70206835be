using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Features;
using Reference.Infrastructure.Idempotency;
using Reference.Infrastructure.Persistence;
using Reference.SharedKernel.Events;
using Reference.Web.Health;
using Reference.Web.Persistence;

namespace Reference.Web.Composition;

public static class PersistenceRegistration
{
    /// <summary>
    /// The write side for the slices on the provider named by <c>Persistence:Provider</c> (SQLite by
    /// default, PostgreSQL with <c>ConnectionStrings:Postgres</c>): the event types of the Features
    /// assembly and each slice module's aggregates (<see cref="FeatureModules"/>), whose repositories the
    /// persistence layer serves.
    /// </summary>
    public static IServiceCollection AddReferencePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered before AddPersistence, whose own registry registration only applies when none exists.
        services.TryAddSingleton(new EventTypeRegistry().RegisterFromAssembly(FeaturesAssembly.Assembly));
        services.AddFeatureModules(configuration);
        services.AddPersistence(configuration, StateStoredAggregates.Register);
        // Idempotency keys live in the write side's schema, so a key commits with the write it stands for.
        services.AddIdempotency(configuration);
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ApiApplicationBuilderExtensions.ReadyTag])
            .AddCheck<ReadStoreReadyCheck>("read-store", tags: [ApiApplicationBuilderExtensions.ReadyTag])
            .AddCheck<ProjectionHorizonReadyCheck>("projection-horizon", tags: [ApiApplicationBuilderExtensions.ReadyTag]);
        return services;
    }
}
