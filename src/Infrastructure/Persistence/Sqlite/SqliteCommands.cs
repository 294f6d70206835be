using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>Small helpers for hand-written SQLite commands: ids as upper-case text, times as Unix milliseconds.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Create(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = ((SqliteConnection)connection).CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            Guid guid => Text(guid),
            DateTimeOffset time => time.ToUnixTimeMilliseconds(),
            bool flag => flag ? 1L : 0L,
            _ => value,
        });
        return command;
    }

    public static string Text(Guid guid) => guid.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
}
