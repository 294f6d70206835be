using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>
/// The stream read shared by the PostgreSQL and SQLite stores: one tenant's stream, forward from a version
/// or backward from one (0 = the end), joined to its stream row for the type. Each provider supplies its own
/// column list (casts differ) and binds <c>@tenant</c>, <c>@stream</c>, <c>@from</c> and <c>@max</c>.
/// </summary>
internal static class StreamReadSql
{
    public static string Build(string eventColumns, StreamDirection direction)
    {
        var (bound, order) = direction == StreamDirection.Forward
            ? ("e.stream_version >= @from", "ASC")
            : ("(@from <= 0 OR e.stream_version <= @from)", "DESC");
        return $"""
            SELECT {eventColumns}
            FROM events e JOIN streams s ON s.tenant_id = e.tenant_id AND s.stream_id = e.stream_id
            WHERE e.tenant_id = @tenant AND e.stream_id = @stream AND {bound}
            ORDER BY e.stream_version {order}
            LIMIT @max
            """;
    }
}
