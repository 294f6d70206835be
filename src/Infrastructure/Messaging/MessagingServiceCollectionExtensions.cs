using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Registers the outbox dispatcher, the in-process broker with its mediator bridge, outbox maintenance
/// (when the write side is relational: register persistence first) and the inbox.
/// </summary>
public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string Section = OutboxDispatcherOptions.Section;
        services.AddOptions<OutboxDispatcherOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, $"{Section}:BatchSize must be between 1 and 10000.")
            .Validate(o => o.Lease > TimeSpan.Zero, $"{Section}:Lease must be positive.")
            .Validate(o => o.MaxAttempts >= 1, $"{Section}:MaxAttempts must be at least 1.")
            .Validate(o => o.InitialBackoff > TimeSpan.Zero && o.MaxBackoff >= o.InitialBackoff, $"{Section}:InitialBackoff must be positive and no longer than {Section}:MaxBackoff.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{Section}:PollInterval must be positive.")
            .Validate(o => o.KeepProcessedFor > TimeSpan.Zero, $"{Section}:KeepProcessedFor must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProjectionSignal>();
        services.TryAddSingleton<ITenantContext, AmbientTenantContext>();
        services.TryAddSingleton<ICorrelationContext, AmbientCorrelationContext>();
        services.TryAddSingleton<IMessageBroker, InProcessMessageBroker>();
        services.AddMetrics();
        services.TryAddSingleton<OutboxMetrics>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddHostedService<MediatorNotificationBridge>();

        // The inbox and outbox maintenance live in the write side's database, next to the outbox,
        // whichever store holds the read models: the write side needs them in every configuration.
        services.AddProjectionsDatabase(ReadStoreServiceCollectionExtensions.RelationalTarget(configuration));
        services.TryAddSingleton<RelationalInbox>();
        if (services.Any(d => d.ServiceType == typeof(EventStoreDbContext)))
        {
            // Dead letters and cleanup work on the write side's outbox table through its own EF Core model.
            services.TryAddScoped<IOutboxMaintenance, EventStoreOutboxMaintenance>();
            services.TryAddScoped<OutboxJobs>();
            services.AddRecurringJob<OutboxJobs>(OutboxJobs.CleanupJobId, j => j.CleanupAsync(CancellationToken.None), sp => sp.GetRequiredService<IOptions<JobsOptions>>().Value.CleanupCron);
        }

        return services;
    }
}
