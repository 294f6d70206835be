using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Audit;

/// <summary>The SQL trail's list query on each provider: filters run in the database, inside the ambient tenant.</summary>
public abstract class AuditListingTests(IAuditDatabase database) : IAsyncLifetime
{
    private static readonly FieldMap<AuditLogEntry> Fields = FieldMap.For<AuditLogEntry>()
        .Key(e => e.Sequence)
        .Tenant(e => e.TenantId)
        .Field("sequence", e => e.Sequence, f => f.Sortable())
        .Field("occurredAt", e => e.OccurredAt, f => f.Sortable())
        .Field("action", e => e.Action)
        .Field("outcome", e => e.Outcome)
        .Build();

    private AuditTestHost _host = null!;

    public async Task InitializeAsync() => _host = await database.StartFreshAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Filters_sorts_and_pages_in_the_database_within_the_ambient_tenant()
    {
        await _host.AppendDailyAsync("tenant-a", 5);
        await _host.AppendDailyAsync("tenant-b", 2);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var byDate = await ListAsync("tenant-a", "filter=" + Uri.EscapeDataString($"occurredAt>={start.AddDays(1):O},occurredAt<{start.AddDays(3):O}") + "&sort=sequence");
        var byPrefix = await ListAsync("tenant-a", "filter=action^tenant-a.action-&sort=-sequence&pageSize=2");
        var wrongCase = await ListAsync("tenant-a", "filter=action^TENANT-A.");
        var byOutcome = await ListAsync("tenant-a", "filter=outcome=succeeded");
        var othersRecords = await ListAsync("tenant-a", "filter=action^tenant-b.");
        var next = await ListAsync("tenant-a", $"filter=action^tenant-a.action-&sort=-sequence&pageSize=2&cursor={Uri.EscapeDataString(byPrefix.NextCursor!)}");

        Assert.Equal([2L, 3L], byDate.Items.Select(r => r.Sequence));
        Assert.Equal([5L, 4L], byPrefix.Items.Select(r => r.Sequence));
        Assert.Equal(5, byPrefix.TotalCount);
        Assert.Equal([3L, 2L], next.Items.Select(r => r.Sequence));
        Assert.Empty(wrongCase.Items);
        Assert.Equal(5, byOutcome.TotalCount);
        Assert.Empty(othersRecords.Items);
        Assert.All(byPrefix.Items, r => Assert.Equal("tenant-a", r.TenantId));
    }

    private Task<PagedResult<AuditRecord>> ListAsync(string tenantId, string queryString) =>
        _host.InTenantAsync(tenantId, (trail, _) => trail.ListAsync(ListQuery.Parse(queryString), Fields, ListConstraints<AuditLogEntry>.ForTenant(tenantId)));
}

public sealed class PostgresAuditListingTests(PostgresAuditDatabase database)
    : AuditListingTests(database), IClassFixture<PostgresAuditDatabase>;

public sealed class SqliteAuditListingTests(SqliteAuditDatabase database)
    : AuditListingTests(database), IClassFixture<SqliteAuditDatabase>;
