using System.Data.Common;
using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>
/// Turns stored rows into <see cref="StoredEvent"/>s: looks the logical type up in the registry,
/// upcasts older schema versions and deserializes. Both providers select the same column order.
/// Stream reads fail on a type this process does not know; global-log reads hand it over unrecognized.
/// </summary>
public sealed class StoredEventMaterializer(IEventSerializer serializer)
{
    /// <summary>The column list every event query selects, in this order, given the events alias <c>e</c> and streams alias <c>s</c>.</summary>
    public const int ColumnCount = 12;

    /// <summary>Reads every row of a stream query; an unregistered type throws <see cref="UnknownEventTypeException"/>.</summary>
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
    /// <see cref="UnrecognizedEvent"/>s instead of failing the read, and the next checkpoint passes them too.
    /// </summary>
    public async Task<ReadAllPage> ReadPageAsync(DbDataReader reader, LogPosition after, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        var unrecognized = new List<UnrecognizedEvent>();
        var next = after;
        while (await reader.ReadAsync(cancellationToken))
        {
            var eventType = reader.GetString(7);
            if (serializer.Recognizes(eventType))
            {
                var storedEvent = Read(reader);
                events.Add(storedEvent);
                next = storedEvent.LogPosition;
            }
            else
            {
                var skipped = ReadUnrecognized(reader);
                unrecognized.Add(skipped);
                next = skipped.LogPosition;
            }
        }

        return new ReadAllPage(events, unrecognized, next);
    }

    private StoredEvent Read(DbDataReader reader)
    {
        var eventType = reader.GetString(7);
        var schemaVersion = reader.GetInt32(8);
        var data = serializer.Deserialize(eventType, schemaVersion, reader.GetString(9));
        return new StoredEvent(
            new LogPosition(reader.GetInt64(0), reader.GetInt64(1)),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetInt64(5),
            ReadGuid(reader, 6),
            eventType,
            schemaVersion,
            data,
            EventMetadataJson.Deserialize(reader.GetString(10)),
            ReadTimestamp(reader, 11));
    }

    private static UnrecognizedEvent ReadUnrecognized(DbDataReader reader) => new(
        new LogPosition(reader.GetInt64(0), reader.GetInt64(1)),
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
