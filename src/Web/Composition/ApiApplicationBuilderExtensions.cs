using FastEndpoints;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.FeatureFlags;
using Reference.Infrastructure.Identity;
using Reference.Infrastructure.MultiTenancy;
using Reference.Infrastructure.Observability;
using Reference.Web.Health;
using Reference.Web.Http;
using Reference.Web.Middleware;

namespace Reference.Web.Composition;

public static class ApiApplicationBuilderExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// The request pipeline, in order: the request log, errors as problems, correlation, body limits, OpenAPI,
    /// authentication and authorization, the ambient user, the metrics gate, the tenant, feature gates, rate limits, then the endpoints.
    /// </summary>
    public static WebApplication UseReferenceApi(this WebApplication app)
    {
        // Outermost, so its one line per request carries the final status, problems and 500s included.
        app.UseHttpLogging();
        app.UseMiddleware<ExceptionProblemMiddleware>();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseMiddleware<RequestShapeMiddleware>();

        app.UseApiDocument();

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<MetricsAccessMiddleware>();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseMiddleware<RateLimitingMiddleware>();

        app.UseFastEndpoints(config =>
        {
            config.Serializer.Options.Converters.Add(ApiServiceCollectionExtensions.EnumsAsNames);
            config.Binding.JsonExceptionTransformer = FastEndpointsErrors.FromJsonException;
            config.Errors.ResponseBuilder = (failures, context, status) => FastEndpointsErrors.Build(failures, context, status);
            config.Errors.ContentType = Features.Shared.Http.ApiProblems.ContentType;
            config.Errors.ProducesMetadataType = typeof(Microsoft.AspNetCore.Mvc.ProblemDetails);
        });

        app.MapIdentityEndpoints();
        app.MapJsonWebKeySet().WithoutTenant();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous()
            .DisableRateLimiting()
            .WithMetadata(new TenantNotRequiredAttribute());
        var readiness = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        };
        app.MapHealthChecks("/health/ready", readiness)
            .AllowAnonymous()
            .WithMetadata(new TenantNotRequiredAttribute());
        app.MapMetrics();
        app.MapFeatureFlags();
        return app;
    }
}
