using System.Runtime.CompilerServices;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.UnitTests.Projections.Support;

/// <summary>
/// An event log that behaves like the PostgreSQL one where it matters to projections: events get
/// their global position when written but stay invisible until their transaction commits, and a
/// reader never goes past the oldest transaction still open (the snapshot horizon).
/// </summary>
public sealed class ScriptedEventLog(ITenantContext tenant) : IEventStore
{
    private readonly List<StoredEvent> _events = [];
    private readonly List<UnreadableEvent> _unreadable = [];
    private readonly HashSet<long> _open = [];
    private readonly Lock _gate = new();
    private long _nextTransaction = 1;
    private long _nextPosition = 1;

    public int ReadCalls { get; private set; }

    /// <summary>Writes and commits at once.</summary>
    public void Append(string tenantId, string streamId, params DomainEvent[] events)
    {
        var transaction = Begin();
        transaction.Write(tenantId, streamId, events);
        transaction.Commit();
    }

    /// <summary>
    /// Writes and commits a row of <paramref name="dataType"/>'s type that the log cannot read (as a newer schema
    /// version or a damaged payload would be); returns its event id and position.
    /// </summary>
    public (Guid EventId, LogPosition Position) AppendUnreadable(string tenantId, string streamId, Type? dataType, string error = "the payload is damaged")
    {
        lock (_gate)
        {
            var position = new LogPosition(_nextTransaction++, _nextPosition++);
            var eventId = Guid.NewGuid();
            _unreadable.Add(new UnreadableEvent(
                position, tenantId, streamId, StreamVersion: 1, eventId, dataType?.Name ?? "unknown", SchemaVersion: 9, dataType, error, DateTimeOffset.UtcNow));
            return (eventId, position);
        }
    }

    /// <summary>Opens a transaction that holds its events back until <see cref="Transaction.Commit"/>.</summary>
    public Transaction Begin()
    {
        lock (_gate)
        {
            var id = _nextTransaction++;
            _open.Add(id);
            return new Transaction(this, id);
        }
    }

    public Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ReadCalls++;
            var horizon = _open.Count == 0 ? long.MaxValue : _open.Min();
            var tenantId = tenant.IsSystemScope ? null : tenant.RequireTenantId();
            bool Visible(LogPosition at, string tenantOf) =>
                at > after && at.TransactionId < horizon && !_open.Contains(at.TransactionId) && (tenantId is null || tenantOf == tenantId);
            var rows = _events.Where(e => Visible(e.LogPosition, e.TenantId)).Select(e => (e.LogPosition, Event: (StoredEvent?)e, Unreadable: (UnreadableEvent?)null))
                .Concat(_unreadable.Where(u => Visible(u.LogPosition, u.TenantId)).Select(u => (u.LogPosition, Event: (StoredEvent?)null, Unreadable: (UnreadableEvent?)u)))
                .OrderBy(r => r.LogPosition)
                .Take(maxCount)
                .ToList();
            return Task.FromResult(new ReadAllPage(
                [.. rows.Where(r => r.Event is not null).Select(r => r.Event!)], [], rows.Count == 0 ? after : rows[^1].LogPosition)
            {
                Unreadable = [.. rows.Where(r => r.Unreadable is not null).Select(r => r.Unreadable!)],
            });
        }
    }

    public async Task<long> CountAllAsync(CancellationToken cancellationToken = default) =>
        (await ReadAllAsync(LogPosition.Start, int.MaxValue, cancellationToken)).Count;

    public Task<AppendResult> AppendAsync(string streamId, string streamType, ExpectedVersion expected, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Tests write through Append and Begin.");

    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(
        string streamId, StreamDirection direction = StreamDirection.Forward, long fromVersion = 0, int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var e in _events.Where(e => e.StreamId == streamId))
        {
            yield return e;
        }
    }

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)_events.Count(e => e.StreamId == streamId));

    public sealed class Transaction(ScriptedEventLog log, long id)
    {
        public void Write(string tenantId, string streamId, params DomainEvent[] events)
        {
            lock (log._gate)
            {
                foreach (var domainEvent in events)
                {
                    var version = log._events.Count(e => e.TenantId == tenantId && e.StreamId == streamId) + 1;
                    log._events.Add(new StoredEvent(
                        new LogPosition(id, log._nextPosition++), tenantId, streamId, "test", version, domainEvent.EventId,
                        domainEvent.GetType().Name, 1, domainEvent, new EventMetadata(null, null, null, null), DateTimeOffset.UtcNow));
                }
            }
        }

        public void Commit()
        {
            lock (log._gate)
            {
                log._open.Remove(id);
            }
        }

        /// <summary>Rolls back: the positions it took become a permanent gap.</summary>
        public void Rollback()
        {
            lock (log._gate)
            {
                log._events.RemoveAll(e => e.LogPosition.TransactionId == id);
                log._open.Remove(id);
            }
        }
    }
}
