using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity.Database;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Users;

/// <summary>
/// Users of the identity schema, per tenant, with ASP.NET Core Identity's password hasher. After
/// <see cref="DatabaseUsersOptions.MaxFailedAttempts"/> wrong passwords in a row the account refuses every login,
/// the right password included, for <see cref="DatabaseUsersOptions.LockoutDuration"/>. An unknown user costs one hash
/// verification like a known one, so the answer's timing does not tell them apart.
/// </summary>
public sealed class DatabaseIdentityProvider(
    IdentityDbContextFactory contexts,
    IPasswordHasher<UserRow> hasher,
    IOptionsMonitor<DatabaseUsersOptions> options,
    TimeProvider clock) : IIdentityProvider
{
    public const string ProviderName = "database";

    private static readonly UserRow Dummy = new()
    {
        Id = Guid.Empty,
        TenantId = "",
        Email = "",
        NormalizedEmail = "",
        PasswordHash = "",
    };

    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(Dummy, Guid.NewGuid().ToString()));

    public string Name => ProviderName;

    public async Task<Principal?> AuthenticateAsync(string tenantId, string userName, string password, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var normalized = UserRow.Normalize(userName);
        await using var context = contexts.Create();
        var user = await context.Users.SingleOrDefaultAsync(u => u.TenantId == tenantId && u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Dummy, _dummyHash.Value, password);
            return null;
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (user.LockedUntil > now || user.IsDisabled)
        {
            return null;
        }

        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedAttempts++;
            if (user.FailedAttempts >= settings.MaxFailedAttempts)
            {
                user.LockedUntil = now + (long)settings.LockoutDuration.TotalMilliseconds;
                user.FailedAttempts = 0;
            }

            await context.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        user.FailedAttempts = 0;
        user.LockedUntil = null;
        await context.SaveChangesAsync(cancellationToken);
        return ToPrincipal(user);
    }

    public async Task<Principal?> FindAsync(string tenantId, string subject, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subject, out var id))
        {
            return null;
        }

        await using var context = contexts.Create();
        var user = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.TenantId == tenantId, cancellationToken);
        return user is null || user.IsDisabled ? null : ToPrincipal(user);
    }

    /// <summary>Adds a user to a tenant; false when the email is taken in that tenant.</summary>
    public async Task<Guid?> RegisterAsync(string tenantId, string email, string password, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var normalized = UserRow.Normalize(email);
        await using var context = contexts.Create();
        if (await context.Users.AnyAsync(u => u.TenantId == tenantId && u.NormalizedEmail == normalized, cancellationToken))
        {
            return null;
        }

        var user = new UserRow
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Email = email.Trim(),
            NormalizedEmail = normalized,
            PasswordHash = "",
            Roles = string.Join(' ', roles.Distinct(StringComparer.OrdinalIgnoreCase)),
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        context.Users.Add(user);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Registered concurrently: the unique index on (tenant, email) decided.
            return null;
        }

        return user.Id;
    }

    private static Principal ToPrincipal(UserRow user) => new(
        user.Id.ToString(),
        user.Email,
        [.. user.Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        [],
        user.TenantId);
}
