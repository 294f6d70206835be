using StackExchange.Redis;

namespace Reference.IntegrationTests.Redis;

public sealed class RedisTestServerTests
{
    [Fact]
    public async Task The_server_answers_stops_and_starts_again_on_the_same_port_without_its_data()
    {
        await using var server = new RedisTestServer();
        await server.StartAsync();
        var port = server.Port;
        await using (var client = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            await client.GetDatabase().StringSetAsync("k", "v");
            Assert.Equal("v", (string?)await client.GetDatabase().StringGetAsync("k"));
        }

        await server.StopAsync();
        Assert.False(server.IsRunning);
        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",connectTimeout=500"));

        await server.StartAsync();
        await using var again = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        Assert.Equal(port, server.Port);
        Assert.False((await again.GetDatabase().StringGetAsync("k")).HasValue);
    }
}
