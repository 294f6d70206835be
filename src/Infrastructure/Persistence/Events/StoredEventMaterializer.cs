using System.Data.Common;
using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>
/// Turns a stored row into a <see cref="StoredEvent"/>: looks the logical type up in the registry,
/// upcasts older schema versions and deserializes. Both providers select the same column order.
/// </summary>
public sealed class StoredEventMaterializer(IEventSerializer serializer)
{
    /// <summary>The column list every event query selects, in this order, given the events alias <c>e</c> and streams alias <c>s</c>.</summary>
    public const int ColumnCount = 12;

    public StoredEvent Read(DbDataReader reader)
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

    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(Guid) ? reader.GetGuid(ordinal) : Guid.Parse(reader.GetString(ordinal));

    private static DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(long)
            ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal))
            : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
