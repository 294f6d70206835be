using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// An append-only log of domain events, organised in streams (one per event-sourced aggregate).
/// Every operation is scoped to the ambient tenant: the same stream id in two tenants names two
/// streams. Inside an active unit of work, appends join its transaction.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> to a stream if its version satisfies <paramref name="expected"/>;
    /// otherwise throws <see cref="ConcurrencyConflictException"/> carrying the actual version.
    /// Appending the same event ids at the same positions again succeeds without duplicates.
    /// </summary>
    Task<AppendResult> AppendAsync(
        string streamId,
        string streamType,
        ExpectedVersion expected,
        IReadOnlyList<DomainEvent> events,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one stream of the current tenant. Versions are 1-based and inclusive: forward reads start at
    /// <paramref name="fromVersion"/>, backward reads at <paramref name="fromVersion"/> or, when it is 0, at the end.
    /// An event of a type this process does not know throws <see cref="UnknownEventTypeException"/>:
    /// an aggregate cannot be rebuilt without all of its events.
    /// </summary>
    IAsyncEnumerable<StoredEvent> ReadStreamAsync(
        string streamId,
        StreamDirection direction = StreamDirection.Forward,
        long fromVersion = 0,
        int maxCount = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>The stream's current version, 0 when it does not exist.</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the global log after <paramref name="after"/>, in commit-safe order. In a tenant scope
    /// only that tenant's events are returned; in the system scope, every tenant's. Events of types this
    /// process does not know do not fail the read: they come back in <see cref="ReadAllPage.Unrecognized"/>
    /// (log readers such as projections must keep going while a newer deployment rolls out). Nor do events of known
    /// types it cannot read (a newer schema version, a failing upcaster, a damaged row): they come back in
    /// <see cref="ReadAllPage.Unreadable"/>, with the reason. <paramref name="maxCount"/> counts both kinds too.
    /// </summary>
    Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many events reading all from the start would return now, recognized or not, under the
    /// same scope and commit-safety rules as <see cref="ReadAllAsync"/>. One indexed count: a rebuild
    /// asks once, when it starts, to size its work.
    /// </summary>
    Task<long> CountAllAsync(CancellationToken cancellationToken = default);
}
