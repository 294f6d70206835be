using System.Globalization;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>The headers of the outbox message that publishes one appended event.</summary>
internal static class OutboxEventHeaders
{
    public static string Serialize(PreparedAppend append, PreparedEvent evt, long streamVersion) =>
        EventMetadataJson.SerializeHeaders(Build(append, evt, streamVersion));

    public static Dictionary<string, string> Build(PreparedAppend append, PreparedEvent evt, long streamVersion)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tenant-id"] = append.TenantId,
            ["stream-id"] = append.StreamId,
            ["stream-type"] = append.StreamType,
            ["stream-version"] = streamVersion.ToString(CultureInfo.InvariantCulture),
            ["schema-version"] = evt.SchemaVersion.ToString(CultureInfo.InvariantCulture),
            ["event-type"] = evt.EventType,
        };
        if (append.Metadata.CorrelationId is { } correlation)
        {
            headers["correlation-id"] = correlation;
        }

        if (append.Metadata.CausationId is { } causation)
        {
            headers["causation-id"] = causation;
        }

        return headers;
    }
}
