using Reference.Infrastructure.Persistence;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>A new SQLite file per test: cheaper than emptying one, and nothing leaks between tests.</summary>
public sealed class SqliteWriteSideDatabase : IWriteSideDatabase, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reference-tests", Guid.NewGuid().ToString("N"));

    public Task<PersistenceTestHost> StartFreshHostAsync(Action<IDictionary<string, string?>>? settings = null, TimeProvider? time = null)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.db");
        return PersistenceTestHost.StartAsync(PersistenceProvider.Sqlite, $"Data Source={file}", settings, time);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
