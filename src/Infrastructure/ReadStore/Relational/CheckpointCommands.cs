using Microsoft.EntityFrameworkCore;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// The checkpoint statements, shared by the checkpoint store and the read store (which runs the
/// move inside the same transaction as the documents). Every change is one conditional UPDATE:
/// the database decides who wins, never a read-then-write in the application.
/// </summary>
internal static class CheckpointCommands
{
    public static Checkpoint ToCheckpoint(CheckpointRow row) => new(
        row.Projection,
        row.Generation,
        new LogPosition(row.TransactionId, row.Position),
        Enum.Parse<ProjectionStatus>(row.Status),
        row.Owner,
        row.LeaseUntil,
        row.CreatedAt,
        row.UpdatedAt,
        row.EventsProcessed,
        row.LastError,
        row.RebuildTotal);

    public static CheckpointRow ToRow(Checkpoint checkpoint) => new()
    {
        Projection = checkpoint.Projection,
        Generation = checkpoint.Generation,
        TransactionId = checkpoint.Position.TransactionId,
        Position = checkpoint.Position.Position,
        Status = checkpoint.Status.ToString(),
        Owner = checkpoint.Owner,
        LeaseUntil = checkpoint.LeaseUntil?.ToUniversalTime(),
        CreatedAt = checkpoint.CreatedAt.ToUniversalTime(),
        UpdatedAt = checkpoint.UpdatedAt.ToUniversalTime(),
        EventsProcessed = checkpoint.EventsProcessed,
        LastError = checkpoint.LastError,
        RebuildTotal = checkpoint.RebuildTotal,
    };

    /// <summary>Compare-and-set on (owner, generation, previous position); true when this call moved it.</summary>
    public static async Task<bool> TryMoveAsync(DbSet<CheckpointRow> checkpoints, Checkpoint next, Checkpoint previous, CancellationToken cancellationToken)
    {
        if (next.Projection != previous.Projection || next.Generation != previous.Generation)
        {
            return false;
        }

        var row = ToRow(next);
        var previousTx = previous.Position.TransactionId;
        var previousPosition = previous.Position.Position;
        var previousOwner = previous.Owner;
        var moved = await checkpoints
            .Where(c => c.Projection == previous.Projection && c.Generation == previous.Generation
                && c.Owner == previousOwner && c.TransactionId == previousTx && c.Position == previousPosition)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.TransactionId, row.TransactionId)
                    .SetProperty(c => c.Position, row.Position)
                    .SetProperty(c => c.Status, row.Status)
                    .SetProperty(c => c.Owner, row.Owner)
                    .SetProperty(c => c.LeaseUntil, row.LeaseUntil)
                    .SetProperty(c => c.UpdatedAt, row.UpdatedAt)
                    .SetProperty(c => c.EventsProcessed, row.EventsProcessed)
                    .SetProperty(c => c.LastError, row.LastError),
                cancellationToken);
        return moved == 1;
    }
}
