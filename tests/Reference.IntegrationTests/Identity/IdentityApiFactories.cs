using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Identity;

/// <summary>The app on PostgreSQL with a lockout short enough to wait out in a test.</summary>
public sealed class PostgresIdentityApiFactory : ReferenceApiFactory
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        IdentityApi.ShortLockout(settings);
        return settings;
    }
}

/// <summary>The same app on a SQLite file of its own.</summary>
public sealed class SqliteIdentityApiFactory : ReferenceApiFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"reference-identity-{Guid.NewGuid():N}.db");

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        IdentityApi.ShortLockout(settings);
        settings["Persistence:Provider"] = "Sqlite";
        settings["ConnectionStrings:Sqlite"] = $"Data Source={_file}";
        settings.Remove("ConnectionStrings:Postgres");
        return settings;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }
}
