using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Jobs;

/// <summary>Hangfire for the jobs that must be visible, retried and exclusive.</summary>
public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section));
        services.AddSingleton<JobContextFilter>();
        services.AddSingleton<ProjectionJobs>();
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

            if (options.Storage == JobStorage.Postgres)
            {
                var connectionString = configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("Jobs:Storage is Postgres but ConnectionStrings:Postgres is not set.");
                hangfire.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions { SchemaName = "hangfire" });
            }
            else
            {
                hangfire.UseInMemoryStorage();
            }
        });
        if (options.RunServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
            services.AddHostedService<RecurringJobsRegistrar>();
        }

        return services;
    }

    /// <summary>The dashboard at <c>/jobs</c>, for principals with the admin permission only.</summary>
    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<JobsOptions>>().Value;
        return app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization(options.DashboardPermission)],
            DisplayStorageConnectionString = false,
        });
    }
}
