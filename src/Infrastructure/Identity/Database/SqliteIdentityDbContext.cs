using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Identity.Database;

/// <summary>The identity schema on SQLite.</summary>
public sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : IdentityDbContext(options);
