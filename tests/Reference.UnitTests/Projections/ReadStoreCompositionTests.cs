using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;

namespace Reference.UnitTests.Projections;

/// <summary>
/// The write side's maintenance (inbox, outbox clean-up and dead letters) does not depend on where
/// read models live: every read store keeps it registered and its tables migrated.
/// </summary>
public sealed class ReadStoreCompositionTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"reference-composition-{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(_database);

    [Theory]
    [InlineData("Relational")]
    [InlineData("Mongo")]
    [InlineData("InMemory")]
    public async Task The_write_sides_maintenance_jobs_stay_registered_whichever_store_holds_the_read_models(string readStore)
    {
        var services = Compose(readStore);
        await using var provider = services.BuildServiceProvider();
        var recurring = new RecordingRecurringJobManager();

        await new RecurringJobsRegistrar(recurring, provider.GetServices<RecurringJobDeclaration>(), provider).StartAsync(CancellationToken.None);

        Assert.Equal(["outbox-cleanup", "projections-catch-up", "projections-purge-retired"], recurring.Ids.Order());
        Assert.True(provider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(OutboxJobs)));
        await using var scope = provider.CreateAsyncScope();
        Assert.IsType<EventStoreOutboxMaintenance>(scope.ServiceProvider.GetRequiredService<IOutboxMaintenance>());
    }

    [Theory]
    [InlineData("Mongo")]
    [InlineData("InMemory")]
    public async Task With_a_non_relational_read_store_the_inbox_table_is_still_migrated_in_the_write_sides_database(string readStore)
    {
        var services = Compose(readStore);
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ProjectionsSchemaMigrator));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReadStoreSchemaInitializer));
        await using var provider = services.BuildServiceProvider();

        await ActivatorUtilities.CreateInstance<ProjectionsSchemaMigrator>(provider).StartAsync(CancellationToken.None);

        Assert.Equal(0, await provider.GetRequiredService<RelationalInbox>().PurgeAsync(DateTimeOffset.UtcNow, 10, CancellationToken.None));
    }

    private ServiceCollection Compose(string readStore)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={_database}",
            ["ReadStore:Provider"] = readStore,
            ["ConnectionStrings:Mongo"] = "mongodb://127.0.0.1:27017/reference",
            ["Jobs:Storage"] = "InMemory",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPersistence(configuration);
        services.AddReadStore(configuration);
        services.AddProjections(configuration);
        services.AddMessaging(configuration);
        services.AddJobs(configuration);
        return services;
    }

    private sealed class RecordingRecurringJobManager : IRecurringJobManager
    {
        public List<string> Ids { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Ids.Add(recurringJobId);

        public void Trigger(string recurringJobId) => throw new InvalidOperationException("Not expected in this test.");

        public void RemoveIfExists(string recurringJobId) => Ids.Remove(recurringJobId);
    }
}
