using Microsoft.Extensions.Options;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.Identity;
using Reference.Infrastructure.Observability;
using Reference.SharedKernel.Identity;

namespace Reference.Web.Middleware;

/// <summary>
/// Guards the scrape endpoint: a caller whose address is in <c>Observability:Prometheus:AllowedNetworks</c> (loopback by
/// default) scrapes anonymously; anyone else needs a token (401) holding <c>Observability:Prometheus:Permission</c> (403).
/// The address is the connection's, never a forwarded header; a request with no connection address is not trusted.
/// </summary>
public sealed class MetricsAccessMiddleware(RequestDelegate next, IOptions<ObservabilityOptions> options, IPermissionChecker permissions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MetricsEndpointMetadata>() is null)
        {
            await next(context);
            return;
        }

        var prometheus = options.Value.Prometheus;
        if (prometheus.AllowsAnonymous(context.Connection.RemoteIpAddress))
        {
            await next(context);
            return;
        }

        var principal = PrincipalFactory.From(context.User);
        if (!principal.IsAuthenticated)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ApiProblems.WriteAsync(context, ApiProblems.Create(
                context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated,
                "Authentication is required.", "Metrics are served anonymously only to the networks in Observability:Prometheus:AllowedNetworks."));
            return;
        }

        if (!await permissions.IsGrantedAsync(principal, prometheus.Permission, context.RequestAborted))
        {
            await ApiProblems.WriteAsync(context, ApiProblems.Create(
                context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "You are not allowed to do this.", $"Reading metrics needs {prometheus.Permission}."));
            return;
        }

        await next(context);
    }
}
