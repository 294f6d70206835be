using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Caching;

/// <summary>A wrong <c>Caching:*</c> or <c>Locks:*</c> setting stops the host at start-up, naming the key to fix.</summary>
public sealed class CachingAndLocksStartupValidationTests
{
    [Theory]
    [InlineData("Caching:Provider", "Bogus", "Caching:Provider")]
    [InlineData("Caching:Provider", "Redis", "ConnectionStrings:Redis")]
    [InlineData("Caching:EagerRefreshThreshold", "1.5", "Caching:EagerRefreshThreshold")]
    [InlineData("Caching:DistributedCacheSoftTimeout", "00:00:05", "Caching:DistributedCacheSoftTimeout")]
    [InlineData("Locks:Provider", "Bogus", "Locks:Provider")]
    [InlineData("Locks:Provider", "Redis", "ConnectionStrings:Redis")]
    public async Task A_bad_setting_stops_the_host_naming_the_key(string key, string value, string namedKey)
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?> { [key] = value });
        try
        {
            var failure = await app.StartFailureAsync();

            Assert.NotNull(failure);
            Assert.Contains(namedKey, failure, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task The_shipped_production_configuration_caches_and_locks_on_Redis_so_it_refuses_to_start_without_it()
    {
        var app = new ConfiguredApiFactory(
            new Dictionary<string, string?> { ["ReadStore:Provider"] = "InMemory", ["Jobs:Storage"] = "InMemory" },
            "Production");
        try
        {
            var failure = await app.StartFailureAsync();

            Assert.NotNull(failure);
            Assert.Contains("ConnectionStrings:Redis", failure, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task The_memory_providers_start()
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?> { ["Caching:Provider"] = "memory", ["Locks:Provider"] = "Memory" });
        try
        {
            Assert.Null(await app.StartFailureAsync());
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
