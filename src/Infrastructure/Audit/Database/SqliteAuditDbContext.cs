using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>
/// The audit trail's schema on SQLite. SQLite cannot compare <see cref="DateTimeOffset"/> values in SQL, so
/// times are stored as sortable integers (all are UTC), as <see cref="AuditStoredTime"/> writes them.
/// </summary>
public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<AuditStoredTime.SqliteConverter>();
    }
}
