using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>
/// Mints bearer tokens the app accepts, signed with the key the factory configures under
/// <c>Authentication:Schemes:Bearer</c> exactly as <c>dotnet user-jwts</c> would.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "reference-tests";
    public const string Audience = "reference-api";

    // 256-bit HMAC key, base64 as in user secrets.
    public static readonly string SigningKeyBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("reference-integration-tests-signing-key-32b!"));

    public static string Create(string userId, string? tenantId, IEnumerable<string> roles, IEnumerable<string>? permissions = null, string? issuer = null, string? audience = null)
    {
        var claims = new List<Claim> { new("sub", userId), new("name", userId) };
        if (tenantId is not null)
        {
            claims.Add(new Claim("tenant_id", tenantId));
        }

        claims.AddRange(roles.Select(r => new Claim("role", r)));
        claims.AddRange((permissions ?? []).Select(p => new Claim("permissions", p)));

        var key = new SymmetricSecurityKey(Convert.FromBase64String(SigningKeyBase64));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
