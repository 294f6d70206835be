using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>The tenant store's schema on SQLite.</summary>
public sealed class SqliteTenantDbContext(DbContextOptions<SqliteTenantDbContext> options) : TenantDbContext(options);
