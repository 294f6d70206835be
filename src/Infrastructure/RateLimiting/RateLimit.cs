namespace Reference.Infrastructure.RateLimiting;

/// <summary>One limit: <see cref="PermitsPerMinute"/> requests per fixed one-minute window; null switches it off.</summary>
public sealed class RateLimit
{
    public int? PermitsPerMinute { get; set; }

    public bool IsOn => PermitsPerMinute is not null;
}
