namespace Reference.Infrastructure.Persistence;

/// <summary>Settings bound from the <c>Persistence</c> configuration section.</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>The largest serialized event (JSON, UTF-8 bytes) an append accepts.</summary>
    public int MaxEventPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long PostgreSQL lets a session sit idle inside an open transaction before ending it.
    /// A stuck writer holds back the global-log horizon for every reader, so this bounds the stall.
    /// </summary>
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Apply pending migrations when the host starts (on by default in Development and for SQLite).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Apply pending migrations, then stop the host: the explicit production command.</summary>
    public bool MigrateAndExit { get; set; }
}
