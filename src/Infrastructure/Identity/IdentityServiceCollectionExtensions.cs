using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Reference.Infrastructure.Identity.ApiKeys;
using Reference.Infrastructure.Identity.Authorization;
using Reference.Infrastructure.Identity.Database;
using Reference.Infrastructure.Identity.Tokens;
using Reference.Infrastructure.Identity.Users;
using Reference.Infrastructure.Persistence;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Where ASP.NET Core reads the bearer scheme's settings from.</summary>
    public const string BearerSection = "Authentication:Schemes:" + JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The default scheme: sends each request to the scheme its credentials belong to.</summary>
    public const string SelectorScheme = "Reference";

    /// <summary>Validates the access tokens the app issues itself (<see cref="IssuedTokenOptions"/>), whatever <see cref="BearerSection"/> trusts.</summary>
    public const string AppTokensScheme = "AppTokens";

    /// <summary>
    /// Authentication from three sources behind one default scheme: JWT bearer tokens of an external issuer configured
    /// from <c>Authentication:Schemes:Bearer</c> (ASP.NET Core's convention: <c>ValidIssuer</c>, <c>ValidAudiences</c>,
    /// <c>SigningKeys</c> as written by <c>dotnet user-jwts</c>, or <c>Authority</c> for any OpenID Connect provider), the
    /// app's own access tokens (database users, <c>Identity:Tokens</c>, keys in the identity schema), and
    /// <c>X-Api-Key</c>. Claims are kept under their JWT names; role-based policies come from <c>Authorization:Rbac</c>.
    /// The app refuses to start when the external scheme would check no audience (<see cref="ChecksAudience"/>).
    /// </summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", options => options.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = ReferenceClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = ReferenceClaimTypes.Role;
            })
            .AddJwtBearer(AppTokensScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });

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

        AddIssuedTokens(services, configuration);
        AddDatabaseUsers(services, configuration);
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

    private static void AddIssuedTokens(IServiceCollection services, IConfiguration configuration)
    {
        const string Section = IssuedTokenOptions.SectionName;
        services.AddOptions<IssuedTokenOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer), $"{Section}:Issuer must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), $"{Section}:Audience must not be empty.")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.AccessTokenLifetime <= TimeSpan.FromDays(1), $"{Section}:AccessTokenLifetime must be positive and at most a day.")
            .Validate(o => o.RefreshTokenLifetime > TimeSpan.Zero, $"{Section}:RefreshTokenLifetime must be positive.")
            .Validate(o => o.KeyRefreshInterval > TimeSpan.Zero, $"{Section}:KeyRefreshInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IdentityDbContextFactory>();
        services.AddSingleton<ISchemaMigration, IdentitySchemaMigration>();
        services.TryAddSingleton<SigningKeyRing>();
        services.TryAddSingleton<AccessTokenIssuer>();
        services.TryAddSingleton<RefreshTokenStore>();
        services.TryAddSingleton<TokenService>();
        services.TryAddSingleton<ApiKeyStore>();
        services.AddOptions<JwtBearerOptions>(AppTokensScheme)
            .Configure<SigningKeyRing, IOptions<IssuedTokenOptions>>((options, keys, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = ReferenceClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = ReferenceClaimTypes.Role;
                options.TokenValidationParameters.ValidIssuer = tokens.Value.Issuer;
                options.TokenValidationParameters.ValidAudience = tokens.Value.Audience;
                options.TokenValidationParameters.ValidAlgorithms = [Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256];
                options.ConfigurationManager = new SigningKeyConfigurationManager(keys, tokens.Value.Issuer);
            });
    }

    private static void AddDatabaseUsers(IServiceCollection services, IConfiguration configuration)
    {
        const string Section = DatabaseUsersOptions.SectionName;
        services.AddOptions<DatabaseUsersOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.MaxFailedAttempts >= 1, $"{Section}:MaxFailedAttempts must be at least 1.")
            .Validate(o => o.LockoutDuration > TimeSpan.Zero, $"{Section}:LockoutDuration must be positive.")
            .Validate(o => o.MinPasswordLength is >= 1 and <= 256, $"{Section}:MinPasswordLength must be between 1 and 256.")
            .Validate(
                o => o.AssignableRoles.Concat(o.SelfRegistrationRoles).All(role => !role.StartsWith("platform", StringComparison.OrdinalIgnoreCase)),
                $"{Section}:AssignableRoles and SelfRegistrationRoles must not name a platform role: a tenant administrator would grant cross-tenant power.")
            .ValidateOnStart();
        services.AddOptions<PasswordHasherOptions>();
        services.TryAddSingleton<IPasswordHasher<UserRow>, PasswordHasher<UserRow>>();
        services.TryAddSingleton<DatabaseIdentityProvider>();
        if (configuration.GetSection(Section).Get<DatabaseUsersOptions>()?.Enabled ?? true)
        {
            services.AddSingleton<IIdentityProvider>(sp => sp.GetRequiredService<DatabaseIdentityProvider>());
            services.AddHostedService<DevelopmentUserSeeder>();
        }
    }

    // X-Api-Key → API keys; a bearer token the app issued itself → its own scheme; anything else → the external issuer's.
    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        if (authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var issuer = context.RequestServices.GetRequiredService<IOptions<IssuedTokenOptions>>().Value.Issuer;
            try
            {
                if (string.Equals(new JsonWebToken(authorization[Prefix.Length..].Trim()).Issuer, issuer, StringComparison.Ordinal))
                {
                    return AppTokensScheme;
                }
            }
            catch (ArgumentException)
            {
                // Not a JWT at all: the external scheme answers 401 for it like for any bad token.
            }
        }

        return JwtBearerDefaults.AuthenticationScheme;
    }
}
