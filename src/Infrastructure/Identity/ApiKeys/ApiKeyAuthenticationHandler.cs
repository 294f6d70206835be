using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Identity.ApiKeys;

/// <summary>
/// Authenticates <c>X-Api-Key</c> as a service principal of the key's tenant (<c>sub</c> <c>apikey:{id}</c>) holding
/// exactly the key's permissions and no role.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string SubjectPrefix = "apikey:";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindActiveAsync(values[0]!, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        var claims = new List<Claim>
        {
            new(ReferenceClaimTypes.Subject, SubjectPrefix + key.Id),
            new(ReferenceClaimTypes.Name, key.Name),
            new(ReferenceClaimTypes.TenantId, key.TenantId),
        };
        claims.AddRange(key.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => new Claim(ReferenceClaimTypes.Permissions, p)));
        var identity = new ClaimsIdentity(claims, SchemeName, ReferenceClaimTypes.Name, ReferenceClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
