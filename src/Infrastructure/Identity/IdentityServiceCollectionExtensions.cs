using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Identity.Authorization;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Where ASP.NET Core reads the bearer scheme's settings from.</summary>
    public const string BearerSection = "Authentication:Schemes:" + JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// JWT bearer authentication configured from <c>Authentication:Schemes:Bearer</c> (ASP.NET Core's
    /// convention: <c>ValidIssuer</c>, <c>ValidAudiences</c>, <c>SigningKeys</c> as written by
    /// <c>dotnet user-jwts</c>, or <c>Authority</c> for any OpenID Connect provider), claims kept
    /// under their JWT names, and role-based policies from <c>Authorization:Rbac</c>. The app refuses to
    /// start when the scheme would check no audience (<see cref="ChecksAudience"/>).
    /// </summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = ReferenceClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = ReferenceClaimTypes.Role;
            });

        // One identity provider issues tokens to many clients; only the audience says a token is meant for this API.
        // ASP.NET Core turns audience validation off when ValidAudiences is empty, so that would accept them all.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(
                ChecksAudience,
                $"{BearerSection}:ValidAudiences is empty (or audience validation is off), so the API would accept a token its identity provider " +
                "issued to any other client. Set it to the audience of this API's tokens (Development: appsettings.Development.json, as dotnet user-jwts writes it).")
            .ValidateOnStart();
        services.AddAuthorization();

        services.AddSingleton<ICurrentUser, AmbientCurrentUser>();
        services.Configure<RbacOptions>(configuration.GetSection(RbacOptions.SectionName));
        services.AddSingleton<IPolicyEvaluator, RbacPolicyEvaluator>();
        services.AddSingleton<IPolicyEnforcementPoint, PolicyEnforcementPoint>();
        services.AddSingleton<IPermissionChecker, PolicyPermissionChecker>();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        return services;
    }

    /// <summary>Whether the scheme rejects a token whose audience is not one of this API's.</summary>
    public static bool ChecksAudience(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parameters = options.TokenValidationParameters;
        return parameters.ValidateAudience
            && (parameters.AudienceValidator is not null
                || !string.IsNullOrWhiteSpace(parameters.ValidAudience)
                || parameters.ValidAudiences?.Any(audience => !string.IsNullOrWhiteSpace(audience)) == true);
    }
}
