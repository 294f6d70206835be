using System.Net;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.IdempotencyApi;

namespace Reference.IntegrationTests.Api.Customers;

/// <summary><c>Idempotency-Key</c> on <c>POST /api/customers</c>: the same mechanism as every creating <c>POST</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotentRegisterCustomerTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private sealed record CustomerVersionBody(Guid Id, long Version);

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_same_key_and_body_registers_one_customer_and_answers_the_retry_like_the_first_time()
    {
        var client = app.Sales();
        var key = Guid.NewGuid().ToString();
        var customer = new { name = "Ada", email = "ada@example.test" };

        var first = await PostAsync(client, "/api/customers", customer, key);
        var retry = await PostAsync(client, "/api/customers", customer, key);

        var registered = await first.ReadAsAsync<CustomerVersionBody>(HttpStatusCode.Created);
        Assert.Equal(registered, await retry.ReadAsAsync<CustomerVersionBody>(HttpStatusCode.Created));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(IsReplayed(retry));
        Assert.Equal(1, await CountAsync(app.ConnectionString, "customer", "tenant_id = @p0", ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_idempotency_key_reused()
    {
        var client = app.Sales();
        var key = Guid.NewGuid().ToString();
        (await PostAsync(client, "/api/customers", new { name = "Ada", email = "ada@example.test" }, key)).EnsureSuccessStatusCode();

        var reused = await PostAsync(client, "/api/customers", new { name = "Grace", email = "grace@example.test" }, key);

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        Assert.Equal(1, await CountAsync(app.ConnectionString, "customer", "tenant_id = @p0", ReferenceApiFactory.Acme));
    }
}
