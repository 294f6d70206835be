using Hangfire.Dashboard;

namespace Reference.Infrastructure.Jobs;

/// <summary>The dashboard at <c>/jobs</c> opens only for an authenticated principal with the admin permission (or role).</summary>
public sealed class AdminDashboardAuthorization(string permission) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true
            && (user.IsInRole(permission) || user.HasClaim("permissions", permission) || user.HasClaim("role", permission));
    }
}
