using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Reference.Infrastructure.Identity.Database;

namespace Reference.Infrastructure.Identity.Tokens;

/// <summary>
/// The app's token signing keys, kept in the identity schema so every node signs and validates with the same ones.
/// The first node that needs a key creates it; two nodes racing both insert one, and both keys validate. A new key is
/// published before it signs (<see cref="GetSigningCredentialsAsync"/>); every stored key validates and is published at <c>/.well-known/jwks.json</c>. A node re-reads the table
/// every <see cref="IssuedTokenOptions.KeyRefreshInterval"/>, or at once when a token names a key it does not know, so a key
/// added on another node (a rotation) is trusted without a restart.
/// </summary>
public sealed class SigningKeyRing(IdentityDbContextFactory contexts, IOptions<IssuedTokenOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    public async ValueTask<IReadOnlyList<RsaSecurityKey>> GetKeysAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).Keys;

    /// <summary>
    /// The newest key every node has had time to read (older than <see cref="IssuedTokenOptions.KeyRefreshInterval"/>), so
    /// a token it signs validates everywhere at once; the oldest key while none is that old (the very first key).
    /// </summary>
    public async ValueTask<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        var publishedBefore = clock.GetUtcNow() - options.Value.KeyRefreshInterval;
        var key = snapshot.Keys.FirstOrDefault(k => snapshot.Created[k.KeyId] <= publishedBefore) ?? snapshot.Keys[^1];
        return new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>Forgets the cached keys, so the next read goes to the database (a token named an unknown key).</summary>
    public void Invalidate() => _current = null;

    /// <summary>
    /// Adds a new key: published (JWKS, validation) at once, signing once every node has read it; the older keys keep
    /// validating the tokens they signed.
    /// </summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        await using (var context = contexts.Create())
        {
            context.SigningKeys.Add(NewKey());
            await context.SaveChangesAsync(cancellationToken);
        }

        Invalidate();
    }

    private async ValueTask<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = _current;
        return snapshot is not null && clock.GetUtcNow() < snapshot.ReadAt + options.Value.KeyRefreshInterval
            ? snapshot
            : await ReloadAsync(cancellationToken);
    }

    private async Task<Snapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && clock.GetUtcNow() < fresh.ReadAt + options.Value.KeyRefreshInterval)
            {
                return fresh;
            }

            await using var context = contexts.Create();
            var rows = await context.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                var row = NewKey();
                context.SigningKeys.Add(row);
                await context.SaveChangesAsync(cancellationToken);
                rows.Add(row);
            }

            rows = [.. rows.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.KeyId, StringComparer.Ordinal)];
            _current = new Snapshot(
                [.. rows.Select(ToSecurityKey)],
                rows.ToDictionary(r => r.KeyId, r => DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), StringComparer.Ordinal),
                clock.GetUtcNow());
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private SigningKeyRow NewKey()
    {
        using var rsa = RSA.Create(2048);
        return new SigningKeyRow
        {
            KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            PrivateKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()),
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    private static RsaSecurityKey ToSecurityKey(SigningKeyRow row)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(row.PrivateKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = row.KeyId };
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Snapshot(IReadOnlyList<RsaSecurityKey> Keys, Dictionary<string, DateTimeOffset> Created, DateTimeOffset ReadAt);
}
