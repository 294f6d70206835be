using System.Data.Common;
using System.Text.Json;
using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>
/// Turns stored rows into <see cref="StoredEvent"/>s: looks the logical type up in the registry,
/// upcasts older schema versions and deserializes. Both providers select the same column order.
/// Stream reads fail on a type this process does not know, or on an event it cannot read; global-log reads hand
/// the first kind over unrecognized and the second unreadable, so one bad row never stalls every reader.
/// </summary>
public sealed class StoredEventMaterializer(IEventSerializer serializer)
{
    /// <summary>The column list every event query selects, in this order, given the events alias <c>e</c> and streams alias <c>s</c>.</summary>
    public const int ColumnCount = 12;

    /// <summary>
    /// Reads every row of a stream query; an unregistered type throws <see cref="UnknownEventTypeException"/>, an
    /// event that cannot be read <see cref="UnreadableEventException"/>.
    /// </summary>
    public async Task<List<StoredEvent>> ReadStreamAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    /// <summary>
    /// Reads every row of a global-log query into a page: rows of unregistered types become
    /// <see cref="UnrecognizedEvent"/>s and rows that cannot be read <see cref="UnreadableEvent"/>s instead of failing
    /// the read, and the next checkpoint passes them too.
    /// </summary>
    public async Task<ReadAllPage> ReadPageAsync(DbDataReader reader, LogPosition after, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        var unrecognized = new List<UnrecognizedEvent>();
        var unreadable = new List<UnreadableEvent>();
        var next = after;
        while (await reader.ReadAsync(cancellationToken))
        {
            next = Position(reader);
            if (!serializer.Recognizes(reader.GetString(7)))
            {
                unrecognized.Add(ReadUnrecognized(reader));
                continue;
            }

            try
            {
                events.Add(Read(reader));
            }
            catch (UnreadableEventException ex)
            {
                unreadable.Add(ReadUnreadable(reader, ex));
            }
        }

        return new ReadAllPage(events, unrecognized, next) { Unreadable = unreadable };
    }

    private StoredEvent Read(DbDataReader reader)
    {
        var eventType = reader.GetString(7);
        var schemaVersion = reader.GetInt32(8);
        var data = serializer.Deserialize(eventType, schemaVersion, reader.GetString(9));
        return new StoredEvent(
            Position(reader),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetInt64(5),
            ReadGuid(reader, 6),
            eventType,
            schemaVersion,
            data,
            ReadMetadata(reader, eventType, schemaVersion, data.GetType()),
            ReadTimestamp(reader, 11));
    }

    private static EventMetadata ReadMetadata(DbDataReader reader, string eventType, int schemaVersion, Type dataType)
    {
        try
        {
            return EventMetadataJson.Deserialize(reader.GetString(10));
        }
        catch (JsonException ex)
        {
            throw new UnreadableEventException(
                eventType, schemaVersion, $"The metadata of event '{eventType}' cannot be deserialized: {ex.Message}", ex, dataType);
        }
    }

    private static UnreadableEvent ReadUnreadable(DbDataReader reader, UnreadableEventException error) => new(
        Position(reader),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt64(5),
        ReadGuid(reader, 6),
        reader.GetString(7),
        reader.GetInt32(8),
        error.DataType,
        error.Message,
        ReadTimestamp(reader, 11));

    private static LogPosition Position(DbDataReader reader) => new(reader.GetInt64(0), reader.GetInt64(1));

    private static UnrecognizedEvent ReadUnrecognized(DbDataReader reader) => new(
        Position(reader),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt64(5),
        ReadGuid(reader, 6),
        reader.GetString(7),
        reader.GetInt32(8),
        reader.GetString(9),
        ReadTimestamp(reader, 11));

    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(Guid) ? reader.GetGuid(ordinal) : Guid.Parse(reader.GetString(ordinal));

    private static DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(long)
            ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal))
            : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
