using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Reference.Infrastructure.Identity.Tokens;

/// <summary>
/// Feeds the app-token bearer scheme its issuer and keys from the <see cref="SigningKeyRing"/>, the way an OIDC
/// provider's discovery document would: JwtBearer asks on every request (cheap, cached by the ring) and calls
/// <see cref="RequestRefresh"/> when a signature matches no known key.
/// </summary>
public sealed class SigningKeyConfigurationManager(SigningKeyRing keys, string issuer) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
        foreach (var key in await keys.GetKeysAsync(cancel))
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    public void RequestRefresh() => keys.Invalidate();
}
