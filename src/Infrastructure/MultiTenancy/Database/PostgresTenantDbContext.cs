using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>The tenant store's schema on PostgreSQL.</summary>
public sealed class PostgresTenantDbContext(DbContextOptions<PostgresTenantDbContext> options) : TenantDbContext(options);
