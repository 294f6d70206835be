using Microsoft.AspNetCore.HttpLogging;
using OpenTelemetry.Trace;
using Reference.Infrastructure.Pipeline;

namespace Reference.Web.Composition;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Traces for HTTP requests and for every mediator message (one span per message, nested in the
    /// request's), exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured; and one log
    /// entry per HTTP request (method, path, status, duration) once its response is complete, written by
    /// ASP.NET Core's HTTP logging (<c>UseHttpLogging</c>). What else is logged is the <c>Logging</c> section's
    /// choice: appsettings.json keeps EF Core's per-statement log at Warning, so an idle app stays quiet.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(PipelineTelemetry.SourceName).AddAspNetCoreInstrumentation();
            if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                tracing.AddOtlpExporter();
            }
        });

        // No headers, query strings or bodies: they carry tokens, filters and personal data.
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        return services;
    }
}
