using System.Diagnostics.Metrics;

namespace Reference.Infrastructure.RateLimiting;

/// <summary>Rate-limit metrics on the <c>Reference.RateLimiting</c> meter: requests refused with 429, by the limit that refused them and the tenant.</summary>
public sealed class RateLimitingMetrics : IDisposable
{
    public const string MeterName = "Reference.RateLimiting";
    public const string Rejections = "reference.rate_limit.rejections";

    private readonly Meter _meter;
    private readonly Counter<long> _rejections;

    public RateLimitingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _rejections = _meter.CreateCounter<long>(Rejections, "{request}", "Requests refused with 429 because a rate limit was spent.");
    }

    public void Rejected(RateLimitPartitionKind kind, string? tenantId) =>
        _rejections.Add(
            1,
            new KeyValuePair<string, object?>("reference.rate_limit.partition", kind switch
            {
                RateLimitPartitionKind.Tenant => "tenant",
                RateLimitPartitionKind.User => "user",
                _ => "client_address",
            }),
            new KeyValuePair<string, object?>("reference.tenant", tenantId ?? ""));

    public void Dispose() => _meter.Dispose();
}
