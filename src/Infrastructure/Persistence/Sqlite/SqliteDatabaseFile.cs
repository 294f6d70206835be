using Microsoft.Data.Sqlite;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Resolves the SQLite file against the application's content root (so <c>App_Data/reference.db</c>
/// means the same file however the app is started), creates its folder, and turns on the settings
/// the store relies on: foreign keys, a busy timeout for queued writers, pooling.
/// </summary>
public static class SqliteDatabaseFile
{
    public static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        var dataSource = builder.DataSource;
        var inMemory = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (!inMemory)
        {
            var path = Path.IsPathRooted(dataSource) ? dataSource : Path.GetFullPath(Path.Combine(contentRoot, dataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
