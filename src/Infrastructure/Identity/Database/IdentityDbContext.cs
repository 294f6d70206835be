using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Identity.Database;

/// <summary>
/// The identity schema: database users, refresh tokens, API keys and the app's token signing keys, with its own
/// migration history so it evolves independently of the write side. Each provider has its own subclass and migration set.
/// Instants are Unix milliseconds, which compare the same way on every provider.
/// </summary>
public abstract class IdentityDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__identity_migrations";

    private const int TenantIdLength = 100;

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<RefreshTokenRow> RefreshTokens => Set<RefreshTokenRow>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<SigningKeyRow> SigningKeys => Set<SigningKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRow>(user =>
        {
            user.ToTable("identity_users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).HasColumnName("id");
            user.Property(u => u.TenantId).HasColumnName("tenant_id").HasMaxLength(TenantIdLength);
            user.Property(u => u.Email).HasColumnName("email").HasMaxLength(UserRow.MaxEmailLength);
            user.Property(u => u.NormalizedEmail).HasColumnName("normalized_email").HasMaxLength(UserRow.MaxEmailLength);
            user.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(500);
            user.Property(u => u.Roles).HasColumnName("roles").HasMaxLength(1000);
            user.Property(u => u.FailedAttempts).HasColumnName("failed_attempts");
            user.Property(u => u.LockedUntil).HasColumnName("locked_until");
            user.Property(u => u.IsDisabled).HasColumnName("is_disabled");
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).IsUnique().HasDatabaseName("ux_identity_users_tenant_email");
        });

        modelBuilder.Entity<RefreshTokenRow>(token =>
        {
            token.ToTable("identity_refresh_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).HasColumnName("id");
            token.Property(t => t.TenantId).HasColumnName("tenant_id").HasMaxLength(TenantIdLength);
            token.Property(t => t.UserId).HasColumnName("user_id");
            token.Property(t => t.FamilyId).HasColumnName("family_id");
            token.Property(t => t.TokenHash).HasColumnName("token_hash").HasMaxLength(64);
            token.Property(t => t.CreatedAt).HasColumnName("created_at");
            token.Property(t => t.ExpiresAt).HasColumnName("expires_at");
            token.Property(t => t.RevokedAt).HasColumnName("revoked_at");
            token.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ux_identity_refresh_tokens_hash");
            token.HasIndex(t => t.FamilyId).HasDatabaseName("ix_identity_refresh_tokens_family");
        });

        modelBuilder.Entity<ApiKeyRow>(key =>
        {
            key.ToTable("identity_api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.TenantId).HasColumnName("tenant_id").HasMaxLength(TenantIdLength);
            key.Property(k => k.Name).HasColumnName("name").HasMaxLength(ApiKeyRow.MaxNameLength);
            key.Property(k => k.KeyHash).HasColumnName("key_hash").HasMaxLength(64);
            key.Property(k => k.Permissions).HasColumnName("permissions").HasMaxLength(2000);
            key.Property(k => k.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.Property(k => k.ExpiresAt).HasColumnName("expires_at");
            key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
            key.HasIndex(k => k.KeyHash).IsUnique().HasDatabaseName("ux_identity_api_keys_hash");
            key.HasIndex(k => k.TenantId).HasDatabaseName("ix_identity_api_keys_tenant");
        });

        modelBuilder.Entity<SigningKeyRow>(key =>
        {
            key.ToTable("identity_signing_keys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(64);
            key.Property(k => k.PrivateKey).HasColumnName("private_key").HasMaxLength(8000);
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
        });
    }
}
