namespace Reference.Infrastructure.RateLimiting;

/// <summary>Which limit refused a request; the <c>reference.rate_limit.partition</c> tag of the rejection metric.</summary>
public enum RateLimitPartitionKind
{
    Tenant,
    User,
    ClientAddress,
}
