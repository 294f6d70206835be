using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.ReadStore;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// The read side in one call: projections declared in the feature assemblies, the read store
/// selected by configuration, the projection daemon, the outbox dispatcher and broker, and Hangfire.
/// Register it after persistence (it wraps the event store to signal commits).
/// </summary>
public static class ProjectionsModule
{
    public static IServiceCollection AddReferenceProjections(this IServiceCollection services, IConfiguration configuration, params Assembly[] featureAssemblies)
    {
        services.AddProjectionsFrom(featureAssemblies);
        services.AddReadStore(configuration);
        services.AddProjectionEngine(configuration);
        services.AddMessaging(configuration);
        services.AddBackgroundJobs(configuration);
        services.AddProjectionAdmin(configuration);
        AddCommitSignals(services);
        AddHorizonWatch(services);
        return services;
    }

    public static WebApplication UseReferenceProjections(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseJobsDashboard();
        app.MapProjectionAdmin();
        app.MapOutboxAdmin();
        return app;
    }

    private static void AddCommitSignals(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            services.AddSingleton<PostgresCommitNotifications>();
            services.AddSingleton<ICommitNotifier>(sp => sp.GetRequiredService<PostgresCommitNotifications>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresCommitNotifications>());
        }
        else
        {
            services.AddSingleton<ICommitNotifier, NoCommitNotifier>();
        }

        var store = services.LastOrDefault(d => d.ServiceType == typeof(IEventStore));
        if (store is null)
        {
            return;
        }

        services.Remove(store);
        services.Add(new ServiceDescriptor(
            typeof(IEventStore),
            sp => new CommitSignallingEventStore(
                Resolve(sp, store),
                sp.GetRequiredService<IUnitOfWork>(),
                sp.GetRequiredService<ProjectionSignal>(),
                sp.GetRequiredService<ICommitNotifier>()),
            store.Lifetime));
    }

    // Only PostgreSQL's log waits for open transactions; SQLite has one writer at a time and nothing to watch.
    private static void AddHorizonWatch(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            services.TryAddSingleton<IProjectionHorizonProbe, PostgresHorizonProbe>();
            services.AddSingleton<ProjectionHorizonWatch>();
            services.AddHostedService(sp => sp.GetRequiredService<ProjectionHorizonWatch>());
        }
    }

    private static IEventStore Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IEventStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
