using OpenTelemetry.Trace;
using Reference.Infrastructure.Pipeline;

namespace Reference.Web.Composition;

public static class TelemetryRegistration
{
    /// <summary>
    /// Traces for HTTP requests and for every mediator message (one span per message, nested in the
    /// request's). Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured.
    /// </summary>
    public static IServiceCollection AddReferenceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(PipelineTelemetry.SourceName).AddAspNetCoreInstrumentation();
            if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                tracing.AddOtlpExporter();
            }
        });
        return services;
    }
}
