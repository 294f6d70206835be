using Reference.Infrastructure.Audit;
using Reference.Infrastructure.FeatureFlags;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Pipeline;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.RateLimiting;

namespace Reference.Infrastructure.Observability;

/// <summary>The application's own meters, each exported by OpenTelemetry (Prometheus and OTLP); docs/observability.md lists their instruments.</summary>
public static class ReferenceMeters
{
    public static readonly IReadOnlyList<string> All =
    [
        MessageMetrics.MeterName,
        ProjectionMetrics.MeterName,
        AuditMetrics.MeterName,
        OutboxMetrics.MeterName,
        RateLimitingMetrics.MeterName,
        FeatureFlagsMetrics.MeterName,
    ];

    /// <summary>ASP.NET Core's own meters: <c>http.server.request.duration</c> and friends, and its rate limiter's.</summary>
    public static readonly IReadOnlyList<string> Framework =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
    ];
}
