namespace Reference.Infrastructure.Observability;

/// <summary>The <c>Observability</c> section: where metrics are exposed and who may read them.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>The service name traces and metrics are reported under (OpenTelemetry's <c>service.name</c>).</summary>
    public string ServiceName { get; set; } = "reference";

    public PrometheusOptions Prometheus { get; set; } = new();
}
