using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Reference.Infrastructure.Caching;

/// <summary>The one Redis connection of the process (<c>ConnectionStrings:Redis</c>), shared by the cache and the locks.</summary>
public static class RedisConnection
{
    public const string ConnectionStringName = "Redis";

    public static string? ConnectionString(IConfiguration configuration) => configuration.GetConnectionString(ConnectionStringName);

    /// <summary>Registers the connection, opened on first use. It does not fail when Redis is down: it reconnects in the background.</summary>
    public static IServiceCollection TryAddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(ConnectionString(configuration)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required."));
            options.AbortOnConnectFail = false;

            // While Redis is down a command fails at once instead of queueing until its timeout: the cache then
            // serves L1 and the database without making every request wait.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2_000);
            options.SyncTimeout = Math.Min(options.SyncTimeout, 2_000);
            options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2_000);
            return ConnectionMultiplexer.Connect(options);
        });
        return services;
    }
}
