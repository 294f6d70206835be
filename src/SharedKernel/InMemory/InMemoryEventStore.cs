using System.Collections.Immutable;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IEventStore"/> in memory, with the semantics of the relational stores: events are
/// stored as JSON through the <see cref="IEventSerializer"/> (so unknown types and upcasters behave as
/// they do against a database), appends join the ambient unit of work, and every stream is owned by
/// a tenant.
/// </summary>
/// <remarks>
/// Retrying an append whose events are already stored at the same stream versions with the same
/// content succeeds and writes nothing. Reusing stored event ids in any other way (another stream,
/// another version, other content) is refused with <see cref="InvalidAppendException.Codes.DuplicateEvent"/>:
/// reloading and retrying could never make it succeed, so it is not a concurrency conflict.
/// </remarks>
public sealed class InMemoryEventStore(
    InMemoryDatabase database,
    IEventSerializer serializer,
    ITenantContext tenants,
    EventMetadataFactory metadata,
    EventStoreOptions? options = null) : IEventStore
{
    private static readonly InMemoryTable<ImmutableList<EventRow>> Log = new("events", []);
    private static readonly InMemoryTable<ImmutableDictionary<StreamKey, StreamRow>> Streams = new("streams", ImmutableDictionary<StreamKey, StreamRow>.Empty);
    private static readonly InMemoryTable<ImmutableDictionary<EventKey, EventRow>> EventIds = new("event_ids", ImmutableDictionary<EventKey, EventRow>.Empty);

    private readonly EventStoreOptions _options = options ?? new EventStoreOptions();

    public Task<AppendResult> AppendAsync(
        string streamId,
        string streamType,
        ExpectedVersion expected,
        IReadOnlyList<DomainEvent> events,
        CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.RequireTenantId();
        var batch = AppendBatch.Prepare(streamId, streamType, events, serializer, _options);
        var eventMetadata = metadata.Create();
        var recordedAt = database.Time.GetUtcNow();
        return database.WriteAsync(
            transaction => Append(transaction, new StreamKey(tenantId, streamId), batch, expected, eventMetadata, recordedAt),
            cancellationToken);
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(
        string streamId,
        StreamDirection direction = StreamDirection.Forward,
        long fromVersion = 0,
        int maxCount = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var key = new StreamKey(tenants.RequireTenantId(), streamId);
        if (!database.Read(Streams).TryGetValue(key, out var stream))
        {
            return AsyncEnumerable.Empty<StoredEvent>();
        }

        var rows = direction == StreamDirection.Forward
            ? stream.Events.Skip((int)Math.Max(fromVersion - 1, 0)).Take(maxCount)
            : stream.Events.Take((int)(fromVersion <= 0 ? stream.Version : Math.Min(fromVersion, stream.Version))).Reverse().Take(maxCount);

        // Rows are fixed now (a snapshot of the stream); events are deserialized as the caller enumerates, as from a data reader.
        return rows.ToList().Select(ToStoredEvent).ToAsyncEnumerable();
    }

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        var key = new StreamKey(tenants.RequireTenantId(), streamId);
        return Task.FromResult(database.Read(Streams).TryGetValue(key, out var stream) ? stream.Version : 0);
    }

    public Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var tenantId = tenants.IsSystemScope ? null : tenants.RequireTenantId();
        var log = database.Read(Log);

        // Positions are dense (a rolled-back transaction never publishes its positions), so the
        // event after position p sits at index p; the comparison below keeps the read exact anyway.
        var start = (int)Math.Clamp(after.Position, 0, log.Count);
        var page = new List<StoredEvent>();
        var unrecognized = new List<UnrecognizedEvent>();
        var unreadable = new List<UnreadableEvent>();
        var next = after;
        for (var index = start; index < log.Count && page.Count + unrecognized.Count + unreadable.Count < maxCount; index++)
        {
            var row = log[index];
            if (row.Position <= after || (tenantId is not null && row.Key.TenantId != tenantId))
            {
                continue;
            }

            next = row.Position;
            if (!serializer.Recognizes(row.Serialized.EventType))
            {
                unrecognized.Add(new UnrecognizedEvent(
                    row.Position, row.Key.TenantId, row.Key.StreamId, row.StreamVersion, row.EventId,
                    row.Serialized.EventType, row.Serialized.SchemaVersion, row.Serialized.Json, row.RecordedAt));
                continue;
            }

            try
            {
                page.Add(ToStoredEvent(row));
            }
            catch (UnreadableEventException ex)
            {
                unreadable.Add(new UnreadableEvent(
                    row.Position, row.Key.TenantId, row.Key.StreamId, row.StreamVersion, row.EventId,
                    row.Serialized.EventType, row.Serialized.SchemaVersion, ex.DataType, ex.Message, row.RecordedAt));
            }
        }

        return Task.FromResult(new ReadAllPage(page, unrecognized, next) { Unreadable = unreadable });
    }

    public Task<long> CountAllAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.IsSystemScope ? null : tenants.RequireTenantId();
        return Task.FromResult((long)database.Read(Log).Count(row => tenantId is null || row.Key.TenantId == tenantId));
    }

    private static AppendResult Append(
        InMemoryTransaction transaction,
        StreamKey key,
        AppendBatch batch,
        ExpectedVersion expected,
        EventMetadata eventMetadata,
        DateTimeOffset recordedAt)
    {
        var streams = transaction.Get(Streams);
        var stream = streams.GetValueOrDefault(key);
        if (stream is not null && stream.StreamType != batch.StreamType)
        {
            throw new InvalidAppendException(
                InvalidAppendException.Codes.StreamTypeMismatch,
                $"Stream '{key.StreamId}' is a '{stream.StreamType}' stream, not '{batch.StreamType}'.");
        }

        var eventIds = transaction.Get(EventIds);
        var stored = batch.Events.Select(e => eventIds.GetValueOrDefault(new EventKey(key.TenantId, e.EventId))).ToList();
        if (stored.Exists(row => row is not null))
        {
            return AcceptRetry(key, batch, expected, stored);
        }

        var actual = stream?.Version ?? 0;
        if (!expected.IsSatisfiedBy(actual))
        {
            throw new ConcurrencyConflictException(key.StreamId, expected.ToString(), actual);
        }

        var log = transaction.Get(Log);
        var streamEvents = stream?.Events ?? [];
        var rows = new List<EventRow>(batch.Events.Count);
        foreach (var candidate in batch.Events)
        {
            var position = new LogPosition(transaction.TransactionId, log.Count + rows.Count + 1);
            rows.Add(new EventRow(
                position,
                key,
                batch.StreamType,
                actual + rows.Count + 1,
                candidate.EventId,
                candidate.Serialized,
                eventMetadata,
                recordedAt));
        }

        transaction.Set(Log, log.AddRange(rows));
        transaction.Set(Streams, streams.SetItem(key, new StreamRow(batch.StreamType, streamEvents.AddRange(rows))));
        transaction.Set(EventIds, eventIds.SetItems(rows.Select(row => KeyValuePair.Create(new EventKey(key.TenantId, row.EventId), row))));
        return new AppendResult(actual + rows.Count, rows[^1].Position);
    }

    /// <summary>An append whose event ids are already stored: a harmless retry, or a misuse of the ids.</summary>
    private static AppendResult AcceptRetry(StreamKey key, AppendBatch batch, ExpectedVersion expected, List<EventRow?> stored)
    {
        var firstVersion = stored[0]?.StreamVersion ?? 0;
        var isSameAppend =
            stored.TrueForAll(row => row is not null && row.Key == key)
            && (!expected.IsExact || firstVersion == expected.Value + 1)
            && stored.Select((row, index) => row!.StreamVersion == firstVersion + index && row.Serialized == batch.Events[index].Serialized).All(same => same);

        if (!isSameAppend)
        {
            var duplicate = batch.Events[stored.FindIndex(row => row is not null)].EventId;
            throw new InvalidAppendException(
                InvalidAppendException.Codes.DuplicateEvent,
                $"Event {duplicate} is already stored elsewhere or with other content; event ids cannot be reused.");
        }

        var last = stored[^1]!;
        return new AppendResult(last.StreamVersion, last.Position);
    }

    private StoredEvent ToStoredEvent(EventRow row) => new(
        row.Position,
        row.Key.TenantId,
        row.Key.StreamId,
        row.StreamType,
        row.StreamVersion,
        row.EventId,
        row.Serialized.EventType,
        row.Serialized.SchemaVersion,
        serializer.Deserialize(row.Serialized.EventType, row.Serialized.SchemaVersion, row.Serialized.Json),
        row.Metadata,
        row.RecordedAt);

    private readonly record struct StreamKey(string TenantId, string StreamId);

    private readonly record struct EventKey(string TenantId, Guid EventId);

    private sealed record StreamRow(string StreamType, ImmutableList<EventRow> Events)
    {
        public long Version => Events.Count;
    }

    private sealed record EventRow(
        LogPosition Position,
        StreamKey Key,
        string StreamType,
        long StreamVersion,
        Guid EventId,
        SerializedEvent Serialized,
        EventMetadata Metadata,
        DateTimeOffset RecordedAt);
}
