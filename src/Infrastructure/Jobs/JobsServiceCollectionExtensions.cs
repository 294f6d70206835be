using Hangfire;
using Hangfire.Common;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Jobs;

/// <summary>Hangfire for the jobs that must be visible, retried and exclusive.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>The PostgreSQL schema of Hangfire's tables.</summary>
    public const string SchemaName = "hangfire";

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section));
        services.AddSingleton<JobContextFilter>();
        services.AddSingleton<ProjectionJobs>();

        // The storage and the activator are this container's own singletons. Hangfire's defaults read the
        // process-wide JobStorage.Current and JobActivator.Current, so two hosts in one process (tests, or
        // a worker beside a web host) would otherwise enqueue into, and resolve jobs from, each other.
        services.AddSingleton<JobStorage>(_ => CreateStorage(options, configuration));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();

            // Hangfire's filters are process-wide; the ambient contexts are too, so one instance serves every host.
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobContextFilter))
            {
                hangfire.UseFilter(sp.GetRequiredService<JobContextFilter>());
            }
        });
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

    /// <summary>The dashboard at <c>/jobs</c>, for principals with the admin permission only.</summary>
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
