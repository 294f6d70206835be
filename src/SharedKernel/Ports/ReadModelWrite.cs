using Reference.SharedKernel.Events;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// One change to a document made by a projection. It is applied only if the stored document has
/// not already seen <see cref="Position"/> (stored position lower, or no document), so replaying
/// an event is a no-op. With <see cref="ExpectedPosition"/> set the guard is instead "stored
/// position equals it" — compare-and-set, used by dead-letter re-drives.
/// </summary>
public sealed record ReadModelWrite<TDocument>(
    ReadModelKey Key,
    TDocument? Document,
    LogPosition Position,
    LogPosition? ExpectedPosition = null)
    where TDocument : class, IReadModel
{
    public bool IsDelete => Document is null;

    /// <summary>True when a stored document at <paramref name="stored"/> (null: none) accepts this write.</summary>
    public bool IsAcceptedOver(LogPosition? stored) =>
        ExpectedPosition is { } expected ? stored == expected : stored is null || stored < Position;
}
