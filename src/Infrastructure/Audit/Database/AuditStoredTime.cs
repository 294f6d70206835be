using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Reference.Infrastructure.Persistence;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>
/// The value a time is stored as in the audit tables, for the statements written by hand: UTC
/// <c>timestamptz</c> on PostgreSQL, the sortable integer of <see cref="SqliteConverter"/> on SQLite.
/// </summary>
public static class AuditStoredTime
{
    private static readonly SqliteConverter Sqlite = new();

    public static object Of(DateTimeOffset time, PersistenceProvider provider) => provider == PersistenceProvider.Postgres
        ? time.ToUniversalTime()
        : Sqlite.ConvertToProvider(time.ToUniversalTime())!;

    /// <summary>Ticks and offset in one integer; with every value in UTC its order is the order of time.</summary>
    public sealed class SqliteConverter : DateTimeOffsetToBinaryConverter;
}
