namespace Reference.Infrastructure.Persistence.Schema;

/// <summary>
/// One idempotency key of one principal in one tenant: the hash of the request that claimed it, the claim (token and
/// in-flight lease) while that request runs, and its result once it has committed (see <c>RelationalIdempotencyStore</c>).
/// </summary>
public sealed class IdempotencyKeyRow
{
    /// <summary>The tenant, or empty for platform-level requests that run outside any tenant.</summary>
    public required string TenantId { get; set; }

    public required string PrincipalId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the request (method, route, body), hex: a different request under the same key is refused.</summary>
    public required string RequestHash { get; set; }

    public Guid ClaimToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The completed request's result as JSON.</summary>
    public string? Response { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the key is forgotten: its first use plus the retention (24 h by default).</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
