using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>The audit trail's schema on PostgreSQL (times are <c>timestamptz</c>).</summary>
public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);
