using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity.Database;

namespace Reference.Infrastructure.Identity.Tokens;

/// <summary>
/// Refresh tokens: random, stored hashed, per tenant, one use each. Redeeming one revokes it and the caller gets a
/// successor in the same family; presenting a revoked one again (a stolen copy, or the thief's successor racing the
/// owner) revokes the whole family, so whoever holds any of its tokens has to log in again.
/// </summary>
public sealed class RefreshTokenStore(IdentityDbContextFactory contexts, IOptions<IssuedTokenOptions> options, TimeProvider clock)
{
    public async Task<string> IssueAsync(string tenantId, Guid userId, Guid? familyId, CancellationToken cancellationToken)
    {
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = contexts.Create();
        context.RefreshTokens.Add(new RefreshTokenRow
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            UserId = userId,
            FamilyId = familyId ?? Guid.CreateVersion7(),
            TokenHash = Hash(value),
            CreatedAt = now,
            ExpiresAt = now + (long)options.Value.RefreshTokenLifetime.TotalMilliseconds,
        });
        await context.SaveChangesAsync(cancellationToken);
        return value;
    }

    /// <summary>Revokes the token and returns its user and family, or null when it is unknown here, expired or was revoked already.</summary>
    public async Task<(Guid UserId, Guid FamilyId)?> RedeemAsync(string tenantId, string value, CancellationToken cancellationToken)
    {
        var hash = Hash(value);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = contexts.Create();
        var token = await context.RefreshTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.TenantId == tenantId, cancellationToken);
        if (token is null)
        {
            return null;
        }

        // Conditional, so of two concurrent redemptions exactly one wins and the other counts as reuse.
        var revoked = await context.RefreshTokens
            .Where(t => t.Id == token.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (revoked == 0)
        {
            await RevokeFamilyAsync(context, token.FamilyId, now, cancellationToken);
            return null;
        }

        return token.ExpiresAt > now ? (token.UserId, token.FamilyId) : null;
    }

    public async Task RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        await using var context = contexts.Create();
        await RevokeFamilyAsync(context, familyId, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
    }

    private static Task<int> RevokeFamilyAsync(IdentityDbContext context, Guid familyId, long now, CancellationToken cancellationToken) =>
        context.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
