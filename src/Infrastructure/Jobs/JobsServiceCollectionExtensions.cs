using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity.Authorization;

namespace Reference.Infrastructure.Jobs;

/// <summary>Hangfire for the jobs that must be visible, retried and exclusive.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>The PostgreSQL schema of Hangfire's tables.</summary>
    public const string SchemaName = "hangfire";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.Section))
            .ValidatePlatformPermission(o => o.DashboardPermission, $"{JobsOptions.Section}:{nameof(JobsOptions.DashboardPermission)}")
            .ValidateOnStart();
        services.AddSingleton<JobContextFilter>();

        // The storage, the activator and the filters are this container's own singletons. Hangfire's
        // defaults are process-wide (JobStorage.Current, JobActivator.Current, GlobalJobFilters), so two
        // hosts in one process (tests, or a worker beside a web host) would otherwise enqueue into, and
        // resolve jobs from, each other, and race on the global filter list while starting. Only the
        // log provider stays process-wide in Hangfire; HostLogProvider survives its host's disposal.
        services.AddSingleton<JobStorage>(_ => CreateStorage(options, configuration));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(sp => new JobFilterProviderCollection(
            JobFilterProviders.Providers,
            new JobFilterCollection { sp.GetRequiredService<JobContextFilter>() }));
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        if (options.RunServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
            services.AddHostedService<RecurringJobsRegistrar>();
        }

        return services;
    }

    private static JobStorage CreateStorage(JobsOptions options, IConfiguration configuration)
    {
        if (options.Storage != JobStorageKind.Postgres)
        {
            return new InMemoryStorage();
        }

        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("Jobs:Storage is Postgres but ConnectionStrings:Postgres is not set.");
        var storageOptions = new PostgreSqlStorageOptions { SchemaName = SchemaName };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }

    /// <summary>The dashboard at <c>/jobs</c>, for principals holding <see cref="JobsOptions.DashboardPermission"/> only.</summary>
    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<JobsOptions>>().Value;
        return app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdminDashboardAuthorization(options.DashboardPermission)],
            DisplayStorageConnectionString = false,
        });
    }
}
