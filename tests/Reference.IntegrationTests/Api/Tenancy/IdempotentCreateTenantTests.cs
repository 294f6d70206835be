using System.Net;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.IdempotencyApi;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/tenants</c>, a platform-level create outside any tenant: a retry answers
/// like the first request instead of 409 <c>already-exists</c>, and keys stay per principal.
/// </summary>
public sealed class IdempotentCreateTenantTests(TenantAdministrationTests.AdministrationApiFactory app)
    : IClassFixture<TenantAdministrationTests.AdministrationApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Platform(string user = "ops@platform") => app.As(user, tenantId: null, "platform-admin");

    [Fact]
    public async Task A_retry_with_the_same_key_is_the_first_201_not_a_conflict()
    {
        var key = Guid.NewGuid().ToString();
        var tenant = new { id = "initech", name = "Initech", settings = new { region = "eu" } };

        var first = await PostAsync(Platform(), "/api/tenants", tenant, key);
        var retry = await PostAsync(Platform(), "/api/tenants", tenant, key);
        var withoutKey = await PostAsync(Platform(), "/api/tenants", tenant);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(IsReplayed(retry));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        await withoutKey.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.AlreadyExists);
        Assert.Equal(1, await CountAsync(app.ConnectionString, "tenants", "normalized_id = @p0", "INITECH"));
    }

    [Fact]
    public async Task Another_platform_admin_with_the_same_key_is_a_request_of_its_own()
    {
        var key = Guid.NewGuid().ToString();
        var tenant = new { id = "initech", name = "Initech" };
        (await PostAsync(Platform(), "/api/tenants", tenant, key)).EnsureSuccessStatusCode();

        var other = await PostAsync(Platform("other-ops@platform"), "/api/tenants", tenant, key);

        Assert.False(IsReplayed(other));
        await other.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.AlreadyExists);
    }

    [Fact]
    public async Task An_invalid_key_is_400_before_anything_is_created()
    {
        var response = await PostAsync(Platform(), "/api/tenants", new { id = "initech", name = "Initech" }, new string('x', 256));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.Equal(0, await CountAsync(app.ConnectionString, "tenants"));
    }
}
