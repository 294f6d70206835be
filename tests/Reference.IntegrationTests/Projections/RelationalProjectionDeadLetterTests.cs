using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// The relational projection dead letters list one tenant's only when asked for a tenant (a tenant admin's view),
/// every tenant's otherwise (the platform's view and re-drives), on both engines.
/// </summary>
public sealed class RelationalProjectionDeadLetterTests
{
    [Theory]
    [InlineData(RelationalEngine.Postgres)]
    [InlineData(RelationalEngine.Sqlite)]
    public async Task Listing_for_a_tenant_returns_only_that_tenants_dead_letters(RelationalEngine engine)
    {
        await using var host = await RelationalReadStoreHost.StartAsync(engine, new AmbientTenantContext());
        var acme = DeadLetter("acme", 1);
        var globex = DeadLetter("globex", 2);
        var acmeOfAnother = DeadLetter("acme", 3) with { Projection = "other" };
        foreach (var deadLetter in new[] { acme, globex, acmeOfAnother })
        {
            await host.DeadLetters.AddAsync(deadLetter);
        }

        var ofAcme = await host.DeadLetters.ListAsync("order-summary", includeRedriven: false, limit: 10, tenantId: "acme");
        var ofEveryTenant = await host.DeadLetters.ListAsync("order-summary", includeRedriven: false, limit: 10);
        var ofAcmeInAnyProjection = await host.DeadLetters.ListAsync(null, includeRedriven: false, limit: 10, tenantId: "acme");

        Assert.Equal([acme.Id], ofAcme.Select(d => d.Id));
        Assert.Equal([acme.Id, globex.Id], ofEveryTenant.Select(d => d.Id));
        Assert.Equal([acme.Id, acmeOfAnother.Id], ofAcmeInAnyProjection.Select(d => d.Id));
    }

    private static ProjectionDeadLetter DeadLetter(string tenantId, long position) => new(
        Guid.NewGuid(), "order-summary", 1, tenantId, Guid.NewGuid(), "OrderPlaced", $"order-{position}", new LogPosition(10, position),
        "handler failed", 3, DateTimeOffset.UtcNow, RedrivenAt: null);
}
