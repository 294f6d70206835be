using Reference.Infrastructure.Identity;
using Reference.SharedKernel.Identity;

namespace Reference.Web.Middleware;

/// <summary>Makes the authenticated principal ambient (<see cref="ICurrentUser"/>) for the rest of the request.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next, ICurrentUser currentUser)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (currentUser.BeginScope(PrincipalFactory.From(context.User)))
        {
            await next(context);
        }
    }
}
