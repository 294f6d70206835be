namespace Reference.Infrastructure.Identity.Database;

/// <summary>An API key of one tenant, stored as the SHA-256 of its value, with the permissions it grants.</summary>
public sealed class ApiKeyRow
{
    public const int MaxNameLength = 100;

    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required string KeyHash { get; init; }

    /// <summary>Permission names, space-separated.</summary>
    public required string Permissions { get; init; }

    public required string CreatedBy { get; init; }

    public long CreatedAt { get; init; }

    public long? ExpiresAt { get; init; }

    public long? RevokedAt { get; set; }
}
