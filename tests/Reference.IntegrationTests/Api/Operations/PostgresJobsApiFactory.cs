using Microsoft.Extensions.DependencyInjection;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>The app with the production job storage: Hangfire on PostgreSQL, in the app's own database.</summary>
public sealed class PostgresJobsApiFactory : ReferenceApiFactory
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Jobs:Storage"] = "Postgres";
        settings["Jobs:WorkerCount"] = "2";
        return settings;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<DeadLetterProbe>();
        services.AddScoped<DeadLetterProbeJob>();
    }
}
