using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Persistence;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Benchmarks;

/// <summary>The application's own event store on PostgreSQL, wired exactly as the application wires it.</summary>
public sealed class WriteSideAppender : IAppender
{
    private readonly ServiceProvider _services;

    private WriteSideAppender(ServiceProvider services) => _services = services;

    public string Name => "Reference event store";

    public static async Task<WriteSideAppender> StartAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new BenchEnvironment());
        services.AddSingleton<IHostApplicationLifetime, BenchLifetime>();
        services.AddPersistence(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<EventTypeRegistry>().Register<ItemAdded>();
        await provider.GetRequiredService<PersistenceMigrator>().MigrateAsync();
        return new WriteSideAppender(provider);
    }

    public Task<Func<int, Task>> CreateWriterAsync(int writer, int batchSize)
    {
        var streamId = $"bench-{Guid.NewGuid():N}";
        var tenants = _services.GetRequiredService<ITenantContext>();
        Func<int, Task> append = async round =>
        {
            using var tenant = tenants.BeginScope("bench");
            await using var scope = _services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
            var events = new DomainEvent[batchSize];
            for (var i = 0; i < batchSize; i++)
            {
                events[i] = new ItemAdded($"sku-{round}-{i}", i + 1, 9.99m);
            }

            await store.AppendAsync(streamId, "Bench", ExpectedVersion.Any, events);
        };
        return Task.FromResult(append);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "Reference.Benchmarks";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class BenchLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
