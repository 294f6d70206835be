using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Tokens;

/// <summary>Turns an authenticated principal into the token pair a login or refresh answers with.</summary>
public sealed class TokenService(AccessTokenIssuer access, RefreshTokenStore refresh, IEnumerable<IIdentityProvider> providers)
{
    public const string TokenType = "Bearer";

    public async Task<IssuedTokens?> LoginAsync(string provider, string tenantId, string userName, string password, CancellationToken cancellationToken)
    {
        var identities = providers.FirstOrDefault(p => string.Equals(p.Name, provider, StringComparison.OrdinalIgnoreCase));
        if (identities is null)
        {
            return null;
        }

        var principal = await identities.AuthenticateAsync(tenantId, userName, password, cancellationToken);
        return principal is null ? null : await IssueAsync(identities.Name, principal, tenantId, familyId: null, cancellationToken);
    }

    public async Task<IssuedTokens?> RefreshAsync(string tenantId, string refreshToken, CancellationToken cancellationToken)
    {
        if (await refresh.RedeemAsync(tenantId, refreshToken, cancellationToken) is not { } redeemed)
        {
            return null;
        }

        foreach (var provider in providers)
        {
            if (await provider.FindAsync(tenantId, redeemed.UserId.ToString(), cancellationToken) is { } principal)
            {
                return await IssueAsync(provider.Name, principal, tenantId, redeemed.FamilyId, cancellationToken);
            }
        }

        // The user is gone or disabled: nothing of the family may be used any more.
        await refresh.RevokeFamilyAsync(redeemed.FamilyId, cancellationToken);
        return null;
    }

    private async Task<IssuedTokens> IssueAsync(string provider, Principal principal, string tenantId, Guid? familyId, CancellationToken cancellationToken)
    {
        var (accessToken, lifetime) = await access.IssueAsync(principal, provider, cancellationToken);
        var refreshToken = await refresh.IssueAsync(tenantId, Guid.Parse(principal.UserId), familyId, cancellationToken);
        return new IssuedTokens(TokenType, accessToken, (long)lifetime.TotalSeconds, refreshToken);
    }
}
