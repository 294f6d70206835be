using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Tokens;

/// <summary>
/// Signs access tokens for a <see cref="Principal"/> an identity provider authenticated, with the claims
/// <see cref="PrincipalFactory"/> reads back, so the rest of the app cannot tell which provider it came from.
/// </summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<IssuedTokenOptions> options, TimeProvider clock)
{
    public const string ProviderClaim = "idp";

    public async Task<(string Token, TimeSpan Lifetime)> IssueAsync(Principal principal, string provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var settings = options.Value;
        var claims = new List<Claim>
        {
            new(ReferenceClaimTypes.Subject, principal.UserId),
            new(ReferenceClaimTypes.Name, principal.Name),
            new(ProviderClaim, provider),
        };
        if (principal.TenantId is not null)
        {
            claims.Add(new Claim(ReferenceClaimTypes.TenantId, principal.TenantId));
        }

        claims.AddRange(principal.Roles.Select(role => new Claim(ReferenceClaimTypes.Role, role)));
        claims.AddRange(principal.Permissions.Select(permission => new Claim(ReferenceClaimTypes.Permissions, permission)));

        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            SigningCredentials = await keys.GetSigningCredentialsAsync(cancellationToken),
        });
        return (token, settings.AccessTokenLifetime);
    }
}
