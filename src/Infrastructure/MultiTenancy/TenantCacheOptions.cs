namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Configuration section <c>MultiTenancy:Cache</c>: how long database tenant lookups are remembered.</summary>
public sealed class TenantCacheOptions
{
    /// <summary>How long a found tenant is served from memory; edits to its row show up after this.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an unknown id is remembered as unknown. Short, so a new tenant is usable soon, but
    /// long enough that probing with made-up ids does not reach the database on every request.
    /// </summary>
    public TimeSpan MissDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most ids remembered at once; beyond it lookups go to the store uncached until entries expire.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
