namespace Reference.Infrastructure.Identity.Database;

/// <summary>A database user of one tenant: the same email in two tenants is two users.</summary>
public sealed class UserRow
{
    public const int MaxEmailLength = 256;

    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required string Email { get; init; }

    /// <summary>The email upper-cased (invariant): unique per tenant, and what logins compare.</summary>
    public required string NormalizedEmail { get; init; }

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (PBKDF2, salted, versioned).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Role names, space-separated.</summary>
    public string Roles { get; set; } = "";

    public int FailedAttempts { get; set; }

    /// <summary>Unix milliseconds until which every login is refused; null when not locked out.</summary>
    public long? LockedUntil { get; set; }

    public bool IsDisabled { get; set; }

    public long CreatedAt { get; init; }

    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }
}
