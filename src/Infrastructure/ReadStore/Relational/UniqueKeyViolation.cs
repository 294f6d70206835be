using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// Tells a write refused by a primary key or unique index, the one failure that means "already there", from every
/// other failure (a lock or statement time-out, a lost connection, a busy SQLite file), which must propagate.
/// </summary>
internal static class UniqueKeyViolation
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique,
        _ => false,
    };
}
