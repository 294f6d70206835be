using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Idempotency;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.Infrastructure.Persistence.Sqlite;
using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Persistence;

/// <summary>What <c>AddPersistence</c> does with no configuration, with bad configuration, and as a migration command.</summary>
public sealed class PersistenceRegistrationTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "reference-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task With_no_configuration_the_write_side_is_a_sqlite_file_under_App_Data_created_at_start_up()
    {
        var lifetime = new RecordingLifetime();
        await using var services = Build(new Dictionary<string, string?>(), "Production", lifetime);

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        AssertDatabaseFileUnderAppData(services);
        Assert.False(lifetime.StopRequested);
        using var tenant = services.GetRequiredService<ITenantContext>().BeginScope("acme");
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
        await store.AppendAsync("first-run", "Item", ExpectedVersion.NoStream, [new ItemAdded("a", 1)]);
        Assert.Equal(1, await store.GetStreamVersionAsync("first-run"));
    }

    [Fact]
    public async Task The_migrate_and_exit_command_migrates_then_stops_the_host()
    {
        var lifetime = new RecordingLifetime();
        await using var services = Build(
            new Dictionary<string, string?> { ["Persistence:MigrateAndExit"] = "true", ["Persistence:MigrateOnStartup"] = "false" },
            "Production",
            lifetime);

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.True(lifetime.StopRequested);
        AssertDatabaseFileUnderAppData(services);
    }

    [Fact]
    public void Choosing_postgres_without_a_connection_string_is_a_clear_start_up_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Build(new Dictionary<string, string?> { ["Persistence:Provider"] = "Postgres" }, "Production", new RecordingLifetime()));

        Assert.Contains("ConnectionStrings:Postgres", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Idempotency:Retention", "00:00:00", "Idempotency:Retention")]
    [InlineData("Idempotency:InFlightWait", "00:05:00", "Idempotency:InFlightWait")]
    [InlineData("Idempotency:PollInterval", "-00:00:01", "Idempotency:PollInterval")]
    [InlineData("Idempotency:PruneBatch", "5000", "Idempotency:PruneBatch")]
    public async Task A_bad_idempotency_setting_is_a_start_up_error_naming_the_key(string key, string value, string named)
    {
        await using var services = Build(new Dictionary<string, string?> { [key] = value }, "Production", new RecordingLifetime());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IdempotencyOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    // The file name comes from the code's own default (the template renames it after the project), not from a
    // copy of it here: the test checks where the default puts the file and that start-up created it.
    private void AssertDatabaseFileUnderAppData(ServiceProvider services)
    {
        var connector = Assert.IsType<SqliteConnector>(services.GetRequiredService<DatabaseConnector>());
        var file = new SqliteConnectionStringBuilder(connector.ConnectionString).DataSource;

        Assert.Equal(Path.Combine(_contentRoot, "App_Data"), Path.GetDirectoryName(file));
        Assert.EndsWith(".db", file, StringComparison.Ordinal);
        Assert.True(File.Exists(file), $"{file} was not created at start-up.");
    }

    private ServiceProvider Build(Dictionary<string, string?> settings, string environment, RecordingLifetime lifetime)
    {
        settings[HostDefaults.ContentRootKey] = _contentRoot;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new Environment(environment, _contentRoot));
        services.AddSingleton<IHostApplicationLifetime>(lifetime);
        services.AddPersistence(configuration);
        services.AddIdempotency(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<EventTypeRegistry>().Register<ItemAdded>();
        return provider;
    }

    private sealed class Environment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Reference.IntegrationTests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public bool StopRequested { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StopRequested = true;
    }
}
