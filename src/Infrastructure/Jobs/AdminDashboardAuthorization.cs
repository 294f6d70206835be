using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Identity.Authorization;

namespace Reference.Infrastructure.Jobs;

/// <summary>
/// Opens the dashboard at <c>/jobs</c> to a caller the API itself would let in: authenticated by the
/// same bearer token and holding <paramref name="permission"/> in the same permission model (roles
/// from <c>Authorization:Rbac</c>, token permissions, explicit deny wins). Hangfire answers a refusal
/// with 401 when the caller is anonymous and 403 otherwise.
/// </summary>
public sealed class AdminDashboardAuthorization(string permission) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = http.RequestServices.GetService<IAuthorizationService>();
        return authorization is not null
            && (await authorization.AuthorizeAsync(http.User, resource: null, new PermissionRequirement(permission))).Succeeded;
    }
}
