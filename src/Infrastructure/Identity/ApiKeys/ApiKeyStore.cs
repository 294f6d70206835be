using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Identity.Database;
using Reference.Infrastructure.Identity.Tokens;

namespace Reference.Infrastructure.Identity.ApiKeys;

/// <summary>
/// API keys of the identity schema. The key itself is shown once, at creation; only its SHA-256 is stored. Every
/// request checks the row, so a revocation holds at once on every node.
/// </summary>
public sealed class ApiKeyStore(IdentityDbContextFactory contexts, TimeProvider clock)
{
    public const string Prefix = "ref_";

    public async Task<(ApiKeyRow Row, string Key)> CreateAsync(
        string tenantId, string name, IReadOnlyList<string> permissions, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken)
    {
        var key = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var row = new ApiKeyRow
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Name = name,
            KeyHash = RefreshTokenStore.Hash(key),
            Permissions = string.Join(' ', permissions),
            CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpiresAt = expiresAt?.ToUnixTimeMilliseconds(),
        };
        await using var context = contexts.Create();
        context.ApiKeys.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return (row, key);
    }

    /// <summary>The live key with this value, or null when it is unknown, revoked or expired.</summary>
    public async Task<ApiKeyRow?> FindActiveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenStore.Hash(key);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = contexts.Create();
        return await context.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var context = contexts.Create();
        return await context.ApiKeys.AsNoTracking()
            .Where(k => k.TenantId == tenantId)
            .OrderBy(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a key of the tenant; false when the tenant has no such key (another tenant's key is not found).</summary>
    public async Task<bool> RevokeAsync(string tenantId, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = contexts.Create();
        var key = await context.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.TenantId == tenantId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= now;
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }
}
