using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Projections;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Events;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// Projection operations over HTTP. Everything that spans tenants (status, rebuilds, every tenant's dead letters) is
/// under <c>/api/admin/projections</c> and needs <c>platform.projections.manage</c> through the policy enforcement
/// point; a tenant's admin lists and re-drives its own tenant's dead letters at <c>/api/admin/projection-dead-letters</c>,
/// and another tenant's dead letter is not found there.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProjectionAdminAccessTests(ReferenceApiFactory app)
{
    private const string Platform = "/api/admin/projections";
    private const string TenantRoute = "/api/admin/projection-dead-letters";
    private const string Forbidden = "https://reference.example/problems/forbidden";
    private const string NotFound = "https://reference.example/problems/not-found";
    private const string Projection = "order-summary";

    [Fact]
    public async Task A_tenant_admin_reaches_none_of_the_surfaces_that_span_tenants()
    {
        var globex = await DeadLetterOfAsync(ReferenceApiFactory.Globex);
        var admin = app.Admin(ReferenceApiFactory.Acme);

        HttpResponseMessage[] attempts =
        [
            await admin.GetAsync(Platform),
            await admin.GetAsync($"{Platform}/{Projection}"),
            await admin.GetAsync($"{Platform}/dead-letters"),
            await admin.PostAsync($"{Platform}/{Projection}/rebuild", null),
            await admin.PostAsync($"{Platform}/dead-letters/{globex.Id}/redrive", null),
        ];

        foreach (var attempt in attempts)
        {
            await attempt.AssertProblemAsync(HttpStatusCode.Forbidden, Forbidden);
        }

        Assert.Null((await DeadLetters.GetAsync(globex.Id))!.RedrivenAt);
    }

    [Fact]
    public async Task A_platform_operator_sees_the_status_and_every_tenants_dead_letters_and_starts_a_rebuild()
    {
        var acme = await DeadLetterOfAsync(ReferenceApiFactory.Acme);
        var globex = await DeadLetterOfAsync(ReferenceApiFactory.Globex);
        var ops = app.As("ops@platform", tenantId: null, "platform-admin");

        var status = await ops.GetAsync(Platform);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains(Projection, await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync($"{Platform}/{Projection}")).StatusCode);

        var all = await (await ops.GetAsync($"{Platform}/dead-letters")).ReadAsAsync<List<DeadLetterView>>();
        Assert.Contains(all, d => d.Id == acme.Id && d.TenantId == ReferenceApiFactory.Acme);
        Assert.Contains(all, d => d.Id == globex.Id && d.TenantId == ReferenceApiFactory.Globex);
        var ofGlobex = await (await ops.GetAsync($"{Platform}/dead-letters?tenant={ReferenceApiFactory.Globex}")).ReadAsAsync<List<DeadLetterView>>();
        Assert.Contains(ofGlobex, d => d.Id == globex.Id);
        Assert.All(ofGlobex, d => Assert.Equal(ReferenceApiFactory.Globex, d.TenantId));

        var before = (await ops.GetFromJsonAsync<List<GenerationView>>($"{Platform}/{Projection}"))!.Max(g => g.Generation);
        var rebuild = await ops.PostAsync($"{Platform}/{Projection}/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, rebuild.StatusCode);
        Assert.Equal($"{Platform}/{Projection}", rebuild.Headers.Location?.OriginalString);

        // The rebuild job runs on: wait until it has switched and the old generation is retired, so no other test sees it.
        await Eventually.ReturnsAsync(
            () => ops.GetFromJsonAsync<List<GenerationView>>($"{Platform}/{Projection}"),
            generations => generations!.Single(g => g.Generation == generations!.Max(n => n.Generation)) is { Status: "Live" } newest
                && newest.Generation > before && generations!.Count(g => g.Status == "Live") == 1,
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_platform_permission_decides_not_a_role_name_nor_a_tenant_permission()
    {
        var granted = TestTokens.Create("ops", null, roles: [], permissions: ["platform.projections.manage"]);
        var tenantLevel = TestTokens.Create("admin@acme", ReferenceApiFactory.Acme, roles: ["admin"], permissions: ["projections.manage"]);

        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(granted).GetAsync(Platform)).StatusCode);
        await (await app.WithToken(tenantLevel).GetAsync(Platform)).AssertProblemAsync(HttpStatusCode.Forbidden, Forbidden);
        await (await app.Anonymous().GetAsync(Platform)).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");
    }

    [Fact]
    public async Task A_tenant_admin_lists_only_its_own_tenants_projection_dead_letters()
    {
        var acme = await DeadLetterOfAsync(ReferenceApiFactory.Acme);
        var globex = await DeadLetterOfAsync(ReferenceApiFactory.Globex);

        var listed = await (await app.Admin(ReferenceApiFactory.Acme).GetAsync($"{TenantRoute}?projection={Projection}")).ReadAsAsync<List<DeadLetterView>>();

        Assert.Contains(listed, d => d.Id == acme.Id);
        Assert.DoesNotContain(listed, d => d.Id == globex.Id);
        Assert.All(listed, d => Assert.Equal(ReferenceApiFactory.Acme, d.TenantId));
    }

    [Fact]
    public async Task A_tenant_admin_re_drives_its_own_dead_letter_and_another_tenants_is_not_found()
    {
        var acme = await DeadLetterOfAsync(ReferenceApiFactory.Acme);
        var globex = await DeadLetterOfAsync(ReferenceApiFactory.Globex);
        var admin = app.Admin(ReferenceApiFactory.Acme);

        await (await admin.PostAsync($"{TenantRoute}/{globex.Id}/redrive", null)).AssertProblemAsync(HttpStatusCode.NotFound, NotFound);
        await (await admin.PostAsync($"{TenantRoute}/{Guid.NewGuid()}/redrive", null)).AssertProblemAsync(HttpStatusCode.NotFound, NotFound);
        var accepted = await admin.PostAsync($"{TenantRoute}/{acme.Id}/redrive", null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.False(string.IsNullOrEmpty((await accepted.Content.ReadFromJsonAsync<JobBody>())!.JobId));
        await Eventually.ReturnsAsync(() => DeadLetters.GetAsync(acme.Id), d => d?.RedrivenAt is not null, TimeSpan.FromSeconds(30));
        Assert.Null((await DeadLetters.GetAsync(globex.Id))!.RedrivenAt);
        var remaining = await (await admin.GetAsync(TenantRoute)).ReadAsAsync<List<DeadLetterView>>();
        Assert.DoesNotContain(remaining, d => d.Id == acme.Id);
    }

    [Fact]
    public async Task The_tenant_dead_letters_need_the_tenant_permission_and_stay_in_the_tokens_tenant()
    {
        await (await app.Sales(ReferenceApiFactory.Acme).GetAsync(TenantRoute)).AssertProblemAsync(HttpStatusCode.Forbidden, Forbidden);
        var acmeByHeader = app.Admin(ReferenceApiFactory.Acme);
        acmeByHeader.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);

        await (await acmeByHeader.GetAsync(TenantRoute)).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/tenant-mismatch");
    }

    private IProjectionDeadLetters DeadLetters => app.Services.GetRequiredService<IProjectionDeadLetters>();

    /// <summary>
    /// A dead letter of a real event: an order placed in <paramref name="tenantId"/>, its event found in the log and
    /// recorded as dead-lettered in the serving generation, as the runner does when a handler keeps failing.
    /// </summary>
    private async Task<ProjectionDeadLetter> DeadLetterOfAsync(string tenantId)
    {
        var placed = await PlaceAsync(app.Sales(tenantId));
        await GetAsync(app.Sales(tenantId), placed.Id, placed.Version);
        var storedEvent = await FindEventAsync(placed.Id);
        var runner = app.Services.GetServices<IProjectionRunner>().Single(r => r.Projection.Name == Projection);
        var deadLetter = new ProjectionDeadLetter(
            Guid.NewGuid(), Projection, await runner.GetServingGenerationAsync(CancellationToken.None), storedEvent.TenantId, storedEvent.EventId,
            storedEvent.EventType, storedEvent.StreamId, storedEvent.LogPosition, "handler failed", 3, DateTimeOffset.UtcNow, RedrivenAt: null);
        await DeadLetters.AddAsync(deadLetter);
        return deadLetter;
    }

    private async Task<StoredEvent> FindEventAsync(Guid orderId)
    {
        var source = app.Services.GetRequiredService<IProjectionEventSource>();
        var after = LogPosition.Start;
        while (true)
        {
            var page = await source.ReadAllAsync(after, 1_000, CancellationToken.None);
            if (page.Events.FirstOrDefault(e => e.StreamId.Contains(orderId.ToString("N"), StringComparison.OrdinalIgnoreCase)
                    || e.StreamId.Contains(orderId.ToString(), StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                return found;
            }

            Assert.True(page.Count > 0, $"No event of order {orderId} in the log.");
            after = page.Next;
        }
    }

    private sealed record DeadLetterView(Guid Id, string Projection, string TenantId, Guid EventId, DateTimeOffset? RedrivenAt);

    private sealed record JobBody(string JobId);

    private sealed record GenerationView(int Generation, string Status);
}
