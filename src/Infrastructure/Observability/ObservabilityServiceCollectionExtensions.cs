using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reference.Infrastructure.Pipeline;

namespace Reference.Infrastructure.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The variable that turns OTLP export on (the OpenTelemetry SDK reads the rest of its <c>OTEL_*</c> settings itself).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces for HTTP requests and every mediator message (one span per message, nested in the request's); metrics
    /// from ASP.NET Core (<c>http.server.request.duration</c>) and the application's meters (<see cref="ReferenceMeters"/>),
    /// scraped at <c>GET /metrics</c> when <c>Observability:Prometheus:Enabled</c> (the default); both exported over OTLP
    /// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. One log entry per HTTP request (method, path, status,
    /// duration), written by ASP.NET Core's HTTP logging once the response is complete.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ObservabilityOptions.SectionName);
        services.AddOptions<ObservabilityOptions>()
            .Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceName), $"{ObservabilityOptions.SectionName}:ServiceName must not be empty.")
            .Validate(
                o => o.Prometheus.NetworksParse(),
                $"{ObservabilityOptions.SectionName}:Prometheus:AllowedNetworks must hold CIDR ranges such as 127.0.0.0/8 or 10.0.0.0/8.")
            .Validate(
                o => o.Prometheus.Path.StartsWith('/'),
                $"{ObservabilityOptions.SectionName}:Prometheus:Path must start with '/'.")
            .Validate(
                o => Identity.Authorization.PlatformPermissions.IsPlatform(o.Prometheus.Permission),
                $"{ObservabilityOptions.SectionName}:Prometheus:Permission must name a permission starting with '{Identity.Authorization.PlatformPermissions.Prefix}': metrics span tenants.")
            .ValidateOnStart();

        var options = section.Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var otlp = !string.IsNullOrEmpty(configuration[OtlpEndpointKey]);

        services.AddMetrics();
        services.TryAddSingleton<MessageMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PipelineTelemetry.SourceName).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. ReferenceMeters.Framework, .. ReferenceMeters.All]);
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
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
