using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Identity.Database;

/// <summary>The identity schema on PostgreSQL.</summary>
public sealed class PostgresIdentityDbContext(DbContextOptions<PostgresIdentityDbContext> options) : IdentityDbContext(options);
