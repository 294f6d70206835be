namespace Reference.Infrastructure.Jobs;

/// <summary>Where Hangfire keeps its jobs (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>The default of <see cref="DashboardPermission"/>.</summary>
    public const string DefaultDashboardPermission = "platform.jobs.dashboard";

    /// <summary><c>InMemory</c> (the embedded default) or <c>Postgres</c> (production: jobs survive restarts and are shared by nodes).</summary>
    public JobStorageKind Storage { get; set; } = JobStorageKind.InMemory;

    /// <summary>Runs the Hangfire server in this process (turn off on web-only nodes).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 4;

    public string CatchUpCron { get; set; } = "* * * * *";

    public string CleanupCron { get; set; } = "*/15 * * * *";

    /// <summary>
    /// Permission a caller needs to open the dashboard at <c>/jobs</c>. The dashboard shows every tenant's jobs, so it
    /// must be a <c>platform.</c> permission (checked at start-up), which a tenant's <c>admin</c> does not hold.
    /// </summary>
    public string DashboardPermission { get; set; } = DefaultDashboardPermission;
}

/// <summary>Where Hangfire keeps its jobs.</summary>
public enum JobStorageKind
{
    InMemory,
    Postgres,
}
