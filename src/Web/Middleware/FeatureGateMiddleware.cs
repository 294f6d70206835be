using Reference.Infrastructure.FeatureFlags;

namespace Reference.Web.Middleware;

/// <summary>
/// After the tenant is resolved: an endpoint gated by a flag that is off for the caller answers 404 exactly as a path
/// the app does not serve (the status-code problem), so a client cannot tell a disabled feature from an absent one.
/// </summary>
public sealed class FeatureGateMiddleware(RequestDelegate next, FeatureGates gates, IFeatureFlags flags)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint)
        {
            foreach (var flag in gates.FlagsGating(endpoint))
            {
                if (!await flags.IsEnabledAsync(flag, context.RequestAborted))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }
        }

        await next(context);
    }
}
