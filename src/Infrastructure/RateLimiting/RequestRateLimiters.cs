using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.RateLimiting;

/// <summary>
/// The configured limits as partitioned fixed-window limiters, one partition per tenant, per (tenant, user) and per
/// client address. The partition keys come from the resolved tenant and the authenticated principal, never from
/// anything a client can vary freely. A limit that is off has no limiter.
/// </summary>
public sealed class RequestRateLimiters : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public RequestRateLimiters(IOptions<RateLimitingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Tenant = Create(settings.PerTenant);
        User = Create(settings.PerUser);
        ClientAddress = Create(settings.PerClientAddress);
    }

    public PartitionedRateLimiter<string>? Tenant { get; }

    public PartitionedRateLimiter<string>? User { get; }

    public PartitionedRateLimiter<string>? ClientAddress { get; }

    public void Dispose()
    {
        Tenant?.Dispose();
        User?.Dispose();
        ClientAddress?.Dispose();
    }

    private static PartitionedRateLimiter<string>? Create(RateLimit limit) =>
        limit.PermitsPerMinute is not { } permits
            ? null
            : PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
