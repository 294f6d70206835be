using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Persistence;
using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Process managers: the engine (also the <see cref="IProcessStarter"/> slices use), its tables on the write side,
/// the event subscriber, the command dispatcher, Hangfire timeouts and the recurring recovery job. The slices
/// register their <see cref="IProcessDefinition"/>s; <paramref name="commandAssemblies"/> hold the commands they may
/// send (<see cref="ProcessCommandAttribute"/>). Register persistence, messaging and jobs first.
/// </summary>
public static class ProcessesServiceCollectionExtensions
{
    public static IServiceCollection AddProcesses(this IServiceCollection services, IConfiguration configuration, params Assembly[] commandAssemblies)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string Section = ProcessesOptions.Section;
        services.AddOptions<ProcessesOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{Section}:PollInterval must be positive.")
            .Validate(o => o.BatchSize is >= 1 and <= 1_000, $"{Section}:BatchSize must be between 1 and 1000.")
            .Validate(o => o.Lease > TimeSpan.Zero, $"{Section}:Lease must be positive.")
            .Validate(o => o.MaxAttempts >= 1, $"{Section}:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryBackoff > TimeSpan.Zero, $"{Section}:RetryBackoff must be positive.")
            .Validate(o => o.RecoveryGrace >= TimeSpan.Zero, $"{Section}:RecoveryGrace must not be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.RecoveryCron), $"{Section}:RecoveryCron must be a cron expression.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ProcessCommandCatalog(commandAssemblies));
        services.AddSingleton<ProcessDefinitions>();
        services.AddSingleton<ProcessSignal>();
        services.AddSingleton<ISchemaMigration, ProcessSchemaMigration>();
        services.AddScoped<ProcessStore>();
        services.AddScoped<ProcessEngine>();
        services.AddScoped<IProcessStarter>(sp => sp.GetRequiredService<ProcessEngine>());
        services.AddScoped<IProcessTimeoutScheduler, HangfireProcessTimeoutScheduler>();
        services.AddScoped<ProcessJobs>();
        services.AddScoped<ProcessAdmin>();
        services.AddSingleton<ProcessCommandDispatcher>();
        services.AddHostedService<ProcessEventSubscriber>();
        services.AddHostedService<ProcessDispatcherService>();
        services.AddRecurringJob<ProcessJobs>(
            ProcessJobs.RecoveryJobId,
            j => j.RecoverAsync(CancellationToken.None),
            sp => sp.GetRequiredService<IOptions<ProcessesOptions>>().Value.RecoveryCron);
        return services;
    }
}
