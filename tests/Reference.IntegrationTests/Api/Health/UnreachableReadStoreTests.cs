using System.Net;
using System.Text.Json;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Health;

/// <summary>A read store that does not answer makes the app not ready, with the read-store check named as the cause.</summary>
public sealed class UnreachableReadStoreTests(UnreachableReadStoreTests.UnreachableMongoApiFactory app)
    : IClassFixture<UnreachableReadStoreTests.UnreachableMongoApiFactory>
{
    [Fact]
    public async Task An_unreachable_read_store_makes_the_app_not_ready()
    {
        using var client = app.CreateDefaultClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["read-store"]);
        Assert.Equal("Healthy", checks["database"]);
    }

    /// <summary>MongoDB as the read store, on a loopback port nothing listens on.</summary>
    public sealed class UnreachableMongoApiFactory : ReferenceApiFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ReadStore:Provider"] = "Mongo";
            settings["ConnectionStrings:Mongo"] = "mongodb://127.0.0.1:9/reference?serverSelectionTimeoutMS=500&connectTimeoutMS=500";
            return settings;
        }
    }
}
