using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Reference.Infrastructure.Identity.ApiKeys;
using Reference.Infrastructure.Identity.Authorization;
using Reference.Infrastructure.Identity.Tokens;
using Reference.Infrastructure.Identity.Users;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Identity;

/// <summary>
/// <c>/api/auth</c> (register, login, refresh: the shapes of ASP.NET Core's <c>MapIdentityApi</c>, per tenant through
/// <c>X-Tenant-ID</c>), <c>/api/api-keys</c> (tenant administrators) and the app's token keys at <c>/.well-known/jwks.json</c>.
/// </summary>
public static class IdentityEndpoints
{
    public const string Tag = "Identity";

    public const string TagDescription =
        "Database users per tenant (register, login, refresh with rotation), API keys of a tenant (`apikeys.manage`), " +
        "and the public keys of the tokens the app issues.";

    public const string JwksRoute = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Anonymous operations are not in the OpenAPI document yet: its security processor has no anonymous case that
        // survives serialisation. docs/api.md describes them.
        var auth = endpoints.MapGroup("/api/auth").AllowAnonymous().ExcludeFromDescription();
        auth.MapPost("/register", RegisterAsync)
            .WithName("Register")
            .WithSummary("Registers a database user in the tenant.")
            .WithDescription("With a token holding `users.manage` in the tenant (roles from `Identity:Database:AssignableRoles`), or anonymously with `X-Tenant-ID` when `Identity:Database:AllowSelfRegistration` is on. 201; an email taken in the tenant is 409.")
            .Produces<RegisteredUser>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Exchanges a tenant user's email and password for an access and a refresh token.")
            .WithDescription("`X-Tenant-ID` names the tenant. A wrong password, an unknown user and a locked-out account all answer the same 401.")
            .Produces<IssuedTokens>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", RefreshAsync)
            .WithName("Refresh")
            .WithSummary("Exchanges a refresh token for a new pair; the old refresh token stops working.")
            .WithDescription("Reusing a refresh token that was already exchanged revokes every refresh token of its login. Unknown, expired or revoked: 401.")
            .Produces<IssuedTokens>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var keys = endpoints.MapGroup("/api/api-keys").RequirePermission(IdentityPermissions.ManageApiKeys).WithTags(Tag);
        keys.MapPost("/", CreateApiKeyAsync)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key of the caller's tenant; the key is in this answer only.")
            .WithDescription("Permissions the caller does not hold itself are 403. `X-Api-Key` then authenticates a service principal of the tenant with exactly these permissions.")
            .Produces<CreatedApiKey>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapGet("/", async (ApiKeyStore store, ITenantContext tenants, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(tenants.RequireTenantId(), ct)).Select(ApiKeyDetails.From)))
            .WithName("ListApiKeys")
            .WithSummary("Lists the caller's tenant's API keys (never the keys themselves).")
            .WithDescription("Name, permissions, creation, expiry and revocation of each key of the caller's tenant; a key is shown only once, when it is created.")
            .Produces<IEnumerable<ApiKeyDetails>>();
        keys.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ApiKeyStore store, ITenantContext tenants, CancellationToken ct) =>
            await store.RevokeAsync(tenants.RequireTenantId(), id, ct)
                ? Results.NoContent()
                : IdentityProblems.Problem(http, StatusCodes.Status404NotFound, IdentityProblems.NotFound, "The resource was not found.", code: "api_key.not_found"))
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key at once; another tenant's key is 404.")
            .WithDescription("Every node checks the store on each request, so the key stops authenticating everywhere as soon as this answers 204.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    /// <summary>
    /// The public keys of the app's tokens at <see cref="JwksRoute"/>, for any validator. Needs no tenant: the host
    /// marks it so (tenancy builds on identity, not the other way round).
    /// </summary>
    public static RouteHandlerBuilder MapJsonWebKeySet(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(JwksRoute, async (SigningKeyRing ring, CancellationToken ct) =>
        {
            var published = (await ring.GetKeysAsync(ct)).Select(key =>
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = key.KeyId });
                return new Dictionary<string, string?> { ["kty"] = jwk.Kty, ["use"] = "sig", ["alg"] = SecurityAlgorithms.RsaSha256, ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E };
            });
            return Results.Ok(new { keys = published });
        })
            .AllowAnonymous()
            .ExcludeFromDescription(); // a well-known document for token validators, not an operation of the API
    }

    private static async Task<IResult> RegisterAsync(
        RegisterRequest? request, HttpContext http, ITenantContext tenants, DatabaseIdentityProvider users,
        IPolicyEnforcementPoint policies, IOptionsMonitor<DatabaseUsersOptions> options, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var tenantId = tenants.RequireTenantId();
        var caller = PrincipalFactory.From(http.User);
        IReadOnlyList<string> roles;
        if (caller.IsAuthenticated)
        {
            if (!(await policies.EvaluateAsync(caller, IdentityPermissions.ManageUsers, ct)).IsAllowed)
            {
                return IdentityProblems.Problem(http, StatusCodes.Status403Forbidden, IdentityProblems.Forbidden, "You may not register users.",
                    $"Permission '{IdentityPermissions.ManageUsers}' is required.", "permission.denied");
            }

            roles = request?.Roles ?? [];
            if (roles.FirstOrDefault(r => !settings.AssignableRoles.Contains(r, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                return IdentityProblems.Invalid(http, "roles", $"Role '{unknown}' is not one of Identity:Database:AssignableRoles ({string.Join(", ", settings.AssignableRoles)}).");
            }
        }
        else if (settings.AllowSelfRegistration)
        {
            roles = settings.SelfRegistrationRoles;
        }
        else
        {
            return IdentityProblems.Problem(http, StatusCodes.Status401Unauthorized, IdentityProblems.RegistrationClosed, "Registration needs a tenant administrator's token.",
                "Self-registration is off (Identity:Database:AllowSelfRegistration).", "registration.closed");
        }

        if (CheckCredentials(http, request?.Email, request?.Password, settings.MinPasswordLength) is { } invalid)
        {
            return invalid;
        }

        var id = await users.RegisterAsync(tenantId, request!.Email!, request.Password!, roles, ct);
        return id is null
            ? IdentityProblems.Problem(http, StatusCodes.Status409Conflict, IdentityProblems.AlreadyExists, "The user exists already.",
                "This email is registered in the tenant.", "user.already_exists")
            : Results.Created($"/api/auth/users/{id}", new RegisteredUser(id.Value, request.Email!.Trim(), roles));
    }

    private static async Task<IResult> LoginAsync(LoginRequest? request, HttpContext http, ITenantContext tenants, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return IdentityProblems.Invalid(http, "email", "Email and password are required.");
        }

        var issued = await tokens.LoginAsync(request.Provider ?? DatabaseIdentityProvider.ProviderName, tenants.RequireTenantId(), request.Email, request.Password, ct);
        return issued is null
            ? IdentityProblems.Problem(http, StatusCodes.Status401Unauthorized, IdentityProblems.InvalidCredentials, "The email or password is wrong.", code: "auth.invalid_credentials")
            : Results.Ok(issued);
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest? request, HttpContext http, ITenantContext tenants, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.RefreshToken))
        {
            return IdentityProblems.Invalid(http, "refreshToken", "A refresh token is required.");
        }

        var issued = await tokens.RefreshAsync(tenants.RequireTenantId(), request.RefreshToken, ct);
        return issued is null
            ? IdentityProblems.Problem(http, StatusCodes.Status401Unauthorized, IdentityProblems.InvalidRefreshToken, "The refresh token is not valid.",
                "It is unknown in this tenant, expired, or was revoked; log in again.", "auth.invalid_refresh_token")
            : Results.Ok(issued);
    }

    private static async Task<IResult> CreateApiKeyAsync(
        CreateApiKeyRequest? request, HttpContext http, ITenantContext tenants, ApiKeyStore store, IPolicyEnforcementPoint policies, TimeProvider clock, CancellationToken ct)
    {
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Database.ApiKeyRow.MaxNameLength)
        {
            return IdentityProblems.Invalid(http, "name", $"A name of 1 to {Database.ApiKeyRow.MaxNameLength} characters is required.");
        }

        var permissions = (request!.Permissions ?? []).Select(p => p?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (permissions.Count == 0 || permissions.Exists(p => p.Length is 0 or > 100 || p.Contains(' ', StringComparison.Ordinal) || p == RbacPolicyEvaluator.Wildcard))
        {
            return IdentityProblems.Invalid(http, "permissions", "Name at least one permission, each without spaces; '*' is not a permission.");
        }

        if (request.ExpiresAt is { } expiry && expiry <= clock.GetUtcNow())
        {
            return IdentityProblems.Invalid(http, "expiresAt", "The expiry must be in the future.");
        }

        var caller = PrincipalFactory.From(http.User);
        foreach (var permission in permissions)
        {
            if (!(await policies.EvaluateAsync(caller, permission, ct)).IsAllowed)
            {
                return IdentityProblems.Problem(http, StatusCodes.Status403Forbidden, IdentityProblems.Forbidden, "A key cannot hold more than its creator.",
                    $"You do not hold '{permission}' yourself.", "api_key.permission_not_held");
            }
        }

        var (row, key) = await store.CreateAsync(tenants.RequireTenantId(), name, permissions, request.ExpiresAt, caller.UserId, ct);
        return Results.Created($"/api/api-keys/{row.Id}", new CreatedApiKey(row.Id, row.Name, permissions, request.ExpiresAt, key));
    }

    private static IResult? CheckCredentials(HttpContext http, string? email, string? password, int minPasswordLength)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Database.UserRow.MaxEmailLength || trimmed.IndexOf('@', StringComparison.Ordinal) is <= 0
            || trimmed.EndsWith('@'))
        {
            return IdentityProblems.Invalid(http, "email", "A valid email address is required.");
        }

        return string.IsNullOrEmpty(password) || password.Length < minPasswordLength || password.Length > 256
            ? IdentityProblems.Invalid(http, "password", $"The password must be between {minPasswordLength} and 256 characters.")
            : null;
    }
}

public sealed record RegisterRequest(string? Email, string? Password, IReadOnlyList<string>? Roles);

public sealed record RegisteredUser(Guid Id, string Email, IReadOnlyList<string> Roles);

public sealed record LoginRequest(string? Email, string? Password, string? Provider);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string?>? Permissions, DateTimeOffset? ExpiresAt);

public sealed record CreatedApiKey(Guid Id, string Name, IReadOnlyList<string> Permissions, DateTimeOffset? ExpiresAt, string Key);

public sealed record ApiKeyDetails(Guid Id, string Name, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, bool Revoked)
{
    public static ApiKeyDetails From(Database.ApiKeyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ApiKeyDetails(
            row.Id,
            row.Name,
            row.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
            row.ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
            row.RevokedAt is not null);
    }
}
