using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Persistence.Schema;

namespace Reference.Infrastructure.Persistence.Postgres;

/// <summary>
/// The PostgreSQL schema. Each event records the id of the transaction that wrote it
/// (<c>xid8</c>, defaulted by the server), which is what makes the global log gap-safe.
/// </summary>
public sealed class PostgresEventStoreDbContext(DbContextOptions<PostgresEventStoreDbContext> options)
    : EventStoreDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<StreamRow>(stream =>
        {
            stream.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
            stream.Property(s => s.UpdatedAt).HasDefaultValueSql("now()");
        });

        modelBuilder.Entity<EventRow>(evt =>
        {
            evt.Property(e => e.GlobalPosition).UseIdentityAlwaysColumn();
            evt.Property(e => e.TransactionId)
                .HasColumnName("tx_id")
                .HasColumnType("xid8")
                .HasDefaultValueSql("pg_current_xact_id()");
            evt.Property(e => e.Data).HasColumnType("jsonb");
            evt.Property(e => e.Metadata).HasColumnType("jsonb");
            evt.Property(e => e.RecordedAt).HasDefaultValueSql("now()");

            // Readers of the global log order and range-scan by (transaction, position).
            evt.HasIndex(e => new { e.TransactionId, e.GlobalPosition }).HasDatabaseName("ix_events_tx_position");
        });

        modelBuilder.Entity<OutboxRow>(outbox =>
        {
            outbox.Property(o => o.Sequence).UseIdentityAlwaysColumn();
            outbox.Property(o => o.TransactionId)
                .HasColumnName("tx_id")
                .HasColumnType("xid8")
                .HasDefaultValueSql("pg_current_xact_id()");
            // Payloads (like snapshot data) are opaque strings to their ports: stored as text, returned byte for byte.
            outbox.Property(o => o.Headers).HasColumnType("jsonb");
        });

    }
}
