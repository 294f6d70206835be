namespace Reference.Infrastructure.Identity.Database;

/// <summary>
/// One refresh token, stored as the SHA-256 of its value. Every token issued by refreshing another shares its
/// <see cref="FamilyId"/>, so reusing a revoked token can revoke every token descended from the same login.
/// </summary>
public sealed class RefreshTokenRow
{
    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required Guid UserId { get; init; }

    public required Guid FamilyId { get; init; }

    public required string TokenHash { get; init; }

    public long CreatedAt { get; init; }

    public long ExpiresAt { get; init; }

    public long? RevokedAt { get; set; }
}
