using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Audit;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Audit;

/// <summary>An edited audit record breaks the tenant's hash chain, and verification names the first broken link.</summary>
public sealed class AuditTamperTests(ReferenceApiFactory app) : IClassFixture<ReferenceApiFactory>
{
    [Fact]
    public async Task Editing_a_stored_record_is_detected_at_its_sequence()
    {
        var sales = app.Sales(ReferenceApiFactory.Globex);
        for (var i = 0; i < 3; i++)
        {
            await PlaceAsync(sales);
        }

        var admin = app.Admin(ReferenceApiFactory.Globex);
        Assert.True((await (await admin.GetAsync("/api/audit/verify")).ReadAsAsync<JsonElement>()).GetProperty("isValid").GetBoolean());

        var tampered = await TamperWithSecondRecordAsync();

        var verification = await (await admin.GetAsync("/api/audit/verify")).ReadAsAsync<JsonElement>();
        Assert.False(verification.GetProperty("isValid").GetBoolean());
        Assert.Equal(tampered, verification.GetProperty("firstBrokenSequence").GetInt64());
    }

    // What someone with write access to the store could do: rewrite history without recomputing the chain.
    private async Task<long> TamperWithSecondRecordAsync()
    {
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        using var scope = app.Services.GetRequiredService<ITenantContext>().BeginScope(ReferenceApiFactory.Globex);
        var second = (await trail.ReadAsync(0, 2))[1];
        ((InMemoryAuditTrail)trail).Overwrite(second with { Actor = second.Actor with { UserId = "someone-else" } });
        return second.Sequence;
    }
}
