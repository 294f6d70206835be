using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reference.Infrastructure.Persistence.Schema;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The SQLite schema. SQLite has one writer at a time, so events become visible in position order
/// and the global position alone is a gap-safe checkpoint: there is no transaction id column.
/// Timestamps are stored as UTC Unix milliseconds so the hand-written SQL can compare them.
/// </summary>
public sealed class SqliteEventStoreDbContext(DbContextOptions<SqliteEventStoreDbContext> options)
    : EventStoreDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<StreamRow>(stream =>
        {
            AsUnixMilliseconds(stream.Property(s => s.CreatedAt));
            AsUnixMilliseconds(stream.Property(s => s.UpdatedAt));
        });

        modelBuilder.Entity<EventRow>(evt =>
        {
            evt.Ignore(e => e.TransactionId);
            AsUnixMilliseconds(evt.Property(e => e.RecordedAt));
        });

        modelBuilder.Entity<OutboxRow>(outbox =>
        {
            outbox.Ignore(o => o.TransactionId);
            AsUnixMilliseconds(outbox.Property(o => o.NextAttemptAt));
            AsUnixMilliseconds(outbox.Property(o => o.LeaseUntil));
            AsUnixMilliseconds(outbox.Property(o => o.CreatedAt));
            AsUnixMilliseconds(outbox.Property(o => o.ProcessedAt));
            AsUnixMilliseconds(outbox.Property(o => o.DeadLetteredAt));
        });

        modelBuilder.Entity<SnapshotRow>(snapshot => AsUnixMilliseconds(snapshot.Property(s => s.CreatedAt)));

        modelBuilder.Entity<IdempotencyKeyRow>(key =>
        {
            AsUnixMilliseconds(key.Property(k => k.LockedUntil));
            AsUnixMilliseconds(key.Property(k => k.CompletedAt));
            AsUnixMilliseconds(key.Property(k => k.CreatedAt));
            AsUnixMilliseconds(key.Property(k => k.ExpiresAt));
        });
    }

    private static void AsUnixMilliseconds(PropertyBuilder<DateTimeOffset> property) =>
        property.HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static void AsUnixMilliseconds(PropertyBuilder<DateTimeOffset?> property) =>
        property.HasConversion(
            v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : (long?)null,
            v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);
}
