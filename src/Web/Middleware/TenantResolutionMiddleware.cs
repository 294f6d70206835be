using Reference.Features.Shared.Http;
using Reference.Infrastructure.MultiTenancy;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Middleware;

/// <summary>
/// Resolves the request's tenant after authentication and makes it ambient for the rest of the
/// request. Missing → 400, unknown → 404, deactivated → 403, a header, host or route that contradicts the token → 403
/// <c>tenant-mismatch</c>, a tenant named for a token that names none → 403 <c>tenant-not-permitted</c> (both unless
/// the caller holds <c>MultiTenancy:CrossTenantPermission</c>). The endpoint never runs without a tenant unless it
/// opted out with <see cref="TenantNotRequiredAttribute"/> (features) or <see cref="TenantNotRequiredMetadata"/> (infrastructure).
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantResolver resolver, ITenantContext tenants, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null
            || endpoint.Metadata.GetMetadata<TenantNotRequiredAttribute>() is not null
            || endpoint.Metadata.GetMetadata<TenantNotRequiredMetadata>() is not null)
        {
            await next(context);
            return;
        }

        switch (await resolver.ResolveAsync(context, context.RequestAborted))
        {
            case TenantResolution.Resolved resolved:
                // The log scope puts the tenant on every line the request writes from here on (beside its trace and span ids).
                using (tenants.BeginScope(resolved.Tenant.Id))
                using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = resolved.Tenant.Id }))
                {
                    await next(context);
                }

                break;

            case TenantResolution.Mismatch:
                await ApiProblems.WriteAsync(context, ApiProblems.Create(
                    context, StatusCodes.Status403Forbidden, ProblemTypes.TenantMismatch,
                    "The requested tenant does not match your token.", "The X-Tenant-ID header, host or route must name the tenant of your token.", "tenant.mismatch"));
                break;

            case TenantResolution.NotPermitted:
                await ApiProblems.WriteAsync(context, ApiProblems.Create(
                    context, StatusCodes.Status403Forbidden, ProblemTypes.TenantNotPermitted,
                    "You may not act in this tenant.",
                    "Your token names no tenant. Use a token with a tenant_id claim for the tenant you want to work in.",
                    "tenant.not_permitted"));
                break;

            case TenantResolution.Deactivated:
                await ApiProblems.WriteAsync(context, ApiProblems.Create(
                    context, StatusCodes.Status403Forbidden, ProblemTypes.TenantDeactivated,
                    "The tenant is deactivated.", "Requests for this tenant are refused until it is reactivated.", "tenant.deactivated"));
                break;

            case TenantResolution.Unknown:
                await ApiProblems.WriteAsync(context, ApiProblems.Create(
                    context, StatusCodes.Status404NotFound, ProblemTypes.TenantNotFound, "The tenant does not exist.", code: "tenant.not_found"));
                break;

            default:
                await ApiProblems.WriteAsync(context, ApiProblems.Create(
                    context, StatusCodes.Status400BadRequest, ProblemTypes.TenantRequired,
                    "A tenant is required.", "Use a token with a tenant_id claim.", "tenant.required"));
                break;
        }
    }
}
