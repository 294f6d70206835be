using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Projections.Support;

/// <summary>
/// Fresh, empty databases for projection tests: one PostgreSQL database on the test process's server
/// or one SQLite file per call, so tests never see each other's rows.
/// </summary>
public static class TestDatabases
{
    public static Task<string> NewPostgresAsync() => PostgresServer.Instance.CreateDatabaseAsync("projections");

    public static string NewSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reference-projection-tests");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}";
    }
}
