using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.SharedKernel.Ports;

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
        services.AddOptions<OutboxDispatcherOptions>().Bind(configuration.GetSection(OutboxDispatcherOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProjectionSignal>();
        services.TryAddSingleton<IMessageBroker, InProcessMessageBroker>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddHostedService<MediatorNotificationBridge>();
        if (services.Any(d => d.ServiceType == typeof(EventStoreDbContext)))
        {
            // Dead letters and cleanup work on the write side's outbox table, whichever read store serves reads.
            services.AddScoped<IOutboxMaintenance, EventStoreOutboxMaintenance>();
            services.AddScoped<OutboxJobs>();
        }

        if (configuration.GetValue("ReadStore:Provider", ReadStoreProvider.Relational) == ReadStoreProvider.Relational)
        {
            // The inbox lives with the relational read store's tables, in the write side's database.
            services.AddSingleton<RelationalInbox>();
        }

        return services;
    }
}
