using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Turns on <c>PRAGMA case_sensitive_like</c> for every connection EF Core opens. EF translates
/// StartsWith/EndsWith to LIKE, which SQLite compares case-insensitively by default; with the
/// pragma a filter such as <c>name^Ac</c> matches the same rows on SQLite as on PostgreSQL,
/// MongoDB and in memory.
/// </summary>
public sealed class SqliteCaseSensitiveLike : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA case_sensitive_like = ON;";

    public static SqliteCaseSensitiveLike Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
