namespace Reference.Infrastructure.Audit;

/// <summary>
/// Configuration section <c>Audit:Retention</c>. A tenant overrides <see cref="Period"/> with its own setting
/// <see cref="TenantSetting"/> (a <see cref="TimeSpan"/> such as <c>90.00:00:00</c>, or <c>forever</c>).
/// </summary>
public sealed class AuditRetentionOptions
{
    /// <summary>The tenant setting that overrides <see cref="Period"/> for one tenant.</summary>
    public const string TenantSetting = "AuditRetention";

    /// <summary>The tenant setting value that keeps a tenant's records forever.</summary>
    public const string Forever = "forever";

    /// <summary>How long records are kept; null (the default) keeps them forever.</summary>
    public TimeSpan? Period { get; set; }

    /// <summary>Records removed per transaction, so pruning never holds a tenant's chain for long.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>When the pruning job runs (Hangfire cron, UTC).</summary>
    public string Cron { get; set; } = "30 3 * * *";
}
