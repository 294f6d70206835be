using System.Net;
using System.Text.Json;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Errors;

/// <summary>The endpoints that opt out of authentication and tenancy: health and the OpenAPI document.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostingEndpointsTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Liveness_answers_anonymously()
    {
        var response = await app.Anonymous().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_anonymously_with_a_json_report()
    {
        var response = await app.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route_and_its_problem_responses()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/orders", "/api/orders/{id}", "/api/orders/{id}/lines", "/api/orders/{id}/lines/{sku}", "/api/orders/{id}/confirm", "/api/orders/{id}/cancel", "/api/customers", "/api/customers/{id}", "/api/customers/{id}/name", "/api/customers/{id}/email", "/api/audit", "/api/audit/verify", "/api/tenants", "/api/tenants/{id}", "/api/tenants/{id}/deactivate", "/api/tenants/{id}/reactivate" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document.");
        }

        var confirmResponses = paths.GetProperty("/api/orders/{id}/confirm").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "401", "403", "404", "409", "412", "422" })
        {
            Assert.True(confirmResponses.TryGetProperty(status, out _), $"confirm does not document {status}.");
        }
    }

    [Fact]
    public async Task The_correlation_id_of_the_caller_is_echoed()
    {
        var client = app.Sales();
        client.DefaultRequestHeaders.Add("X-Correlation-ID", "corr-echo-1");

        var response = await client.GetAsync($"/api/orders/{Guid.NewGuid()}");

        Assert.Equal("corr-echo-1", response.Headers.GetValues("X-Correlation-ID").Single());
    }
}
