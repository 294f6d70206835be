namespace Reference.Infrastructure.RateLimiting;

/// <summary>
/// The <c>RateLimiting</c> section. Every limit is off unless its <c>PermitsPerMinute</c> is set; the shipped
/// appsettings set none. Windows are fixed minutes per partition, so one tenant (or user, or address) spending its
/// permits takes nothing from another's.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Requests per minute for each resolved tenant (the tenant the request runs in, never a raw header).</summary>
    public RateLimit PerTenant { get; set; } = new();

    /// <summary>Requests per minute for each authenticated principal, within its tenant.</summary>
    public RateLimit PerUser { get; set; } = new();

    /// <summary>Requests per minute for each client address, for anonymous requests (no principal, no tenant).</summary>
    public RateLimit PerClientAddress { get; set; } = new();

    public bool AnyConfigured => PerTenant.IsOn || PerUser.IsOn || PerClientAddress.IsOn;
}
