using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Identity.Authorization;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer authentication configured from <c>Authentication:Schemes:Bearer</c> (ASP.NET Core's
    /// convention: <c>ValidIssuer</c>, <c>ValidAudiences</c>, <c>SigningKeys</c> as written by
    /// <c>dotnet user-jwts</c>, or <c>Authority</c> for any OpenID Connect provider), claims kept
    /// under their JWT names, and role-based policies from <c>Authorization:Rbac</c>.
    /// </summary>
    public static IServiceCollection AddReferenceIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = ReferenceClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = ReferenceClaimTypes.Role;
            });
        services.AddAuthorization();

        services.AddSingleton<ICurrentUser, AmbientCurrentUser>();
        services.Configure<RbacOptions>(configuration.GetSection(RbacOptions.SectionName));
        services.AddSingleton<IPolicyEvaluator, RbacPolicyEvaluator>();
        services.AddSingleton<IPolicyEnforcementPoint, PolicyEnforcementPoint>();
        services.AddSingleton<IPermissionChecker, PolicyPermissionChecker>();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        return services;
    }
}
