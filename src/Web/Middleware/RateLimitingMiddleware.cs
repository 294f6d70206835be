using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.RateLimiting;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Middleware;

/// <summary>
/// Enforces <c>RateLimiting</c> after the tenant is resolved: a request spends one permit of its tenant's limit and
/// one of its principal's (anonymous requests: one of their client address's). The first spent limit answers 429
/// <c>rate-limited</c> with <c>Retry-After</c> and is counted in <c>reference.rate_limit.rejections</c>. Endpoints
/// marked <c>DisableRateLimiting</c> (liveness, the scrape endpoint) are never limited.
/// </summary>
public sealed class RateLimitingMiddleware(
    RequestDelegate next,
    RequestRateLimiters limiters,
    ITenantContext tenant,
    ICurrentUser currentUser,
    RateLimitingMetrics metrics)
{
    public const string ProblemType = ProblemTypes.Base + "rate-limited";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var tenantId = tenant.TenantId;
        var principal = currentUser.Principal;
        var leases = new List<RateLimitLease>(2);
        try
        {
            if (tenantId is not null && !Acquire(limiters.Tenant, tenantId, leases))
            {
                await RejectAsync(context, RateLimitPartitionKind.Tenant, tenantId, leases[^1]);
                return;
            }

            if (principal.IsAuthenticated)
            {
                if (!Acquire(limiters.User, $"{tenantId}\n{principal.UserId}", leases))
                {
                    await RejectAsync(context, RateLimitPartitionKind.User, tenantId, leases[^1]);
                    return;
                }
            }
            else if (tenantId is null
                && !Acquire(limiters.ClientAddress, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", leases))
            {
                await RejectAsync(context, RateLimitPartitionKind.ClientAddress, tenantId, leases[^1]);
                return;
            }

            await next(context);
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
    }

    private static bool Acquire(PartitionedRateLimiter<string>? limiter, string key, List<RateLimitLease> leases)
    {
        if (limiter is null)
        {
            return true;
        }

        var lease = limiter.AttemptAcquire(key);
        leases.Add(lease);
        return lease.IsAcquired;
    }

    private Task RejectAsync(HttpContext context, RateLimitPartitionKind kind, string? tenantId, RateLimitLease lease)
    {
        metrics.Rejected(kind, tenantId);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var limit = kind switch
        {
            RateLimitPartitionKind.Tenant => "your tenant's",
            RateLimitPartitionKind.User => "your",
            _ => "your address's",
        };
        return ApiProblems.WriteAsync(context, ApiProblems.Create(
            context, StatusCodes.Status429TooManyRequests, ProblemType, "Too many requests.",
            $"You have spent {limit} requests for this minute; retry after {seconds.ToString(CultureInfo.InvariantCulture)} s.", "rate_limit.exceeded"));
    }
}
