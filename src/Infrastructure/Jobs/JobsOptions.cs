namespace Reference.Infrastructure.Jobs;

/// <summary>Where Hangfire keeps its jobs (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary><c>InMemory</c> (the embedded default) or <c>Postgres</c> (production: jobs survive restarts and are shared by nodes).</summary>
    public JobStorage Storage { get; set; } = JobStorage.InMemory;

    /// <summary>Runs the Hangfire server in this process (turn off on web-only nodes).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 4;

    public string CatchUpCron { get; set; } = "* * * * *";

    public string CleanupCron { get; set; } = "*/15 * * * *";

    /// <summary>Permission (or role) a principal needs to open the dashboard at <c>/jobs</c>.</summary>
    public string DashboardPermission { get; set; } = "admin";
}

public enum JobStorage
{
    InMemory,
    Postgres,
}
