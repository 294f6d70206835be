using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Reference.Infrastructure.Caching;
using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using StackExchange.Redis;

namespace Reference.Infrastructure.Locks;

public static class LocksServiceCollectionExtensions
{
    public const string PostgresConnectionStringName = "Postgres";

    /// <summary>
    /// <see cref="IDistributedLock"/> (section <c>Locks</c>, validated at start-up): <c>Locks:Provider</c> =
    /// <c>Memory</c> (default, one node), <c>Redis</c> (<c>ConnectionStrings:Redis</c>) or <c>Postgres</c>
    /// (<c>ConnectionStrings:Postgres</c>). Every lease carries a fencing token that only grows.
    /// </summary>
    public static IServiceCollection AddLocks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string Section = LocksOptions.Section;
        var section = configuration.GetSection(Section);
        var settings = section.Get<LocksOptions>() ?? new LocksOptions();
        services.AddOptions<LocksOptions>()
            .Bind(section)
            .Validate(o => o.TryGetProvider(out _), $"{Section}:Provider must be Memory, Redis or Postgres.")
            .Validate(
                o => !o.TryGetProvider(out var p) || p != LockProvider.Redis || !string.IsNullOrWhiteSpace(RedisConnection.ConnectionString(configuration)),
                $"ConnectionStrings:{RedisConnection.ConnectionStringName} is required when {Section}:Provider is Redis.")
            .Validate(
                o => !o.TryGetProvider(out var p) || p != LockProvider.Postgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(PostgresConnectionStringName)),
                $"ConnectionStrings:{PostgresConnectionStringName} is required when {Section}:Provider is Postgres.")
            .ValidateOnStart();

        settings.TryGetProvider(out var provider);
        switch (provider)
        {
            case LockProvider.Redis:
                services.TryAddRedisConnection(configuration);
                services.TryAddSingleton<IDistributedLock>(sp => new RedisDistributedLock(
                    sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<ITenantContext>()));
                break;
            case LockProvider.Postgres:
                services.TryAddSingleton<IDistributedLock>(sp => new PostgresDistributedLock(
                    NpgsqlDataSource.Create(configuration.GetConnectionString(PostgresConnectionStringName)!),
                    sp.GetRequiredService<ITenantContext>()));
                break;
            default:
                services.TryAddSingleton<IDistributedLock>(sp => new InMemoryDistributedLock(
                    sp.GetRequiredService<ITenantContext>(), sp.GetService<TimeProvider>()));
                break;
        }

        return services;
    }
}
