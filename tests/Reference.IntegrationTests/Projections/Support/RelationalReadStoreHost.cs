using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections.Support;

/// <summary>The relational read store wired as the application wires it, on a fresh database, schema applied.</summary>
public sealed class RelationalReadStoreHost : IAsyncDisposable
{
    private RelationalReadStoreHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public ICheckpointStore Checkpoints => Services.GetRequiredService<ICheckpointStore>();

    public IProjectionDeadLetters DeadLetters => Services.GetRequiredService<IProjectionDeadLetters>();

    public IReadModelStore<T> Store<T>()
        where T : class, IReadModel => Services.GetRequiredService<IReadModelStore<T>>();

    public static async Task<RelationalReadStoreHost> StartAsync(RelationalEngine engine, ITenantContext tenant, params Type[] readModels) =>
        await StartAsync(engine, await NewDatabaseAsync(engine), tenant, readModels);

    /// <summary>Starts on an existing database, as a restarted (or newer) node would.</summary>
    public static async Task<RelationalReadStoreHost> StartAsync(RelationalEngine engine, string connectionString, ITenantContext tenant, params Type[] readModels)
    {
        var services = new ServiceCollection();
        services.AddSingleton(tenant);
        foreach (var type in readModels)
        {
            services.AddSingleton(new ReadModelRegistration(type, typeof(object)));
        }

        services.AddSingleton(sp => new ReadModelCatalog(sp.GetServices<ReadModelRegistration>().Select(r => r.ReadModelType)));
        services.AddRelationalReadStore((engine, connectionString));
        var provider = services.BuildServiceProvider();
        foreach (var schema in provider.GetServices<IHostedService>())
        {
            await schema.StartAsync(CancellationToken.None);
        }

        return new RelationalReadStoreHost(provider);
    }

    public static async Task<string> NewDatabaseAsync(RelationalEngine engine) =>
        engine == RelationalEngine.Postgres ? await TestDatabases.NewPostgresAsync() : TestDatabases.NewSqlite();

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
