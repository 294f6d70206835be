using Reference.Infrastructure.Audit;
using Reference.Infrastructure.MultiTenancy;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Audit;

/// <summary>
/// Retention pruning on the real SQL trail: old records go in batches, an anchor keeps what is left verifiable,
/// tampering is still detected afterwards, and pruning one tenant never touches another.
/// </summary>
public abstract class AuditRetentionTests(IAuditDatabase database) : IAsyncLifetime
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";

    private AuditTestHost _host = null!;

    public async Task InitializeAsync() => _host = await database.StartFreshAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pruning_removes_the_expired_records_in_batches_and_the_rest_still_verifies()
    {
        await _host.AppendDailyAsync(TenantA, 7);
        var fourth = (await _host.InTenantAsync(TenantA, (trail, _) => trail.ReadAsync(afterSequence: 3, maxCount: 1))).Single();

        // Records are days 0..6 and the clock is at day 7: a 3.5-day period expires days 0..3, two batches of two.
        var removed = await _host.Pruner().PruneTenantAsync(TenantA, _host.Time.GetUtcNow() - TimeSpan.FromDays(3.5));

        Assert.Equal(4, removed);
        Assert.Equal([5L, 6L, 7L], await _host.SequencesAsync(TenantA));
        Assert.Equal((4L, fourth.Hash!, 4L), await _host.AnchorAsync(TenantA));
        Assert.Equal(new AuditChainVerification(true, 3, null), await _host.VerifyAsync(TenantA));
        Assert.Equal(0, await _host.Pruner().PruneTenantAsync(TenantA, _host.Time.GetUtcNow() - TimeSpan.FromDays(3.5)));
    }

    [Fact]
    public async Task A_chain_pruned_to_nothing_continues_from_its_anchor()
    {
        await _host.AppendDailyAsync(TenantA, 3);
        var last = (await _host.InTenantAsync(TenantA, (trail, _) => trail.ReadAsync(afterSequence: 2))).Single();

        Assert.Equal(3, await _host.Pruner().PruneTenantAsync(TenantA, _host.Time.GetUtcNow()));
        var next = await _host.AppendAsync(TenantA, "after-pruning");

        Assert.Equal(4, next.Sequence);
        Assert.Equal(last.Hash, next.PreviousHash);
        Assert.Equal([4L], await _host.SequencesAsync(TenantA));
        Assert.Equal(new AuditChainVerification(true, 1, null), await _host.VerifyAsync(TenantA));
    }

    [Fact]
    public async Task An_edit_after_pruning_is_still_detected()
    {
        await _host.AppendDailyAsync(TenantA, 6);
        await _host.Pruner().PruneTenantAsync(TenantA, _host.Time.GetUtcNow() - TimeSpan.FromDays(3.5));

        Assert.Equal(1, await _host.ExecuteAsync(
            $"UPDATE audit_log SET record = replace(record, '\"userId\":\"user-1\"', '\"userId\":\"someone-else\"') WHERE tenant_id = '{TenantA}' AND sequence = 4"));

        Assert.Equal(new AuditChainVerification(false, 0, 4), await _host.VerifyAsync(TenantA));
    }

    [Fact]
    public async Task Deleting_the_oldest_kept_record_after_pruning_is_detected()
    {
        await _host.AppendDailyAsync(TenantA, 6);
        await _host.Pruner().PruneTenantAsync(TenantA, _host.Time.GetUtcNow() - TimeSpan.FromDays(3.5));

        // Days 0..2 were pruned (anchor at 3); deleting a kept record without moving the anchor leaves a gap.
        Assert.Equal(1, await _host.ExecuteAsync($"DELETE FROM audit_log WHERE tenant_id = '{TenantA}' AND sequence = 4"));

        Assert.Equal(new AuditChainVerification(false, 0, 5), await _host.VerifyAsync(TenantA));
    }

    [Fact]
    public async Task Pruning_one_tenant_never_touches_another()
    {
        await _host.AppendDailyAsync(TenantA, 4);
        await _host.AppendDailyAsync(TenantB, 4);
        var before = await _host.InTenantAsync(TenantB, (trail, _) => trail.ReadAsync());

        Assert.Equal(4, await _host.Pruner().PruneTenantAsync(TenantA, _host.Time.GetUtcNow()));

        Assert.Empty(await _host.SequencesAsync(TenantA));
        Assert.Null(await _host.AnchorAsync(TenantB));
        Assert.Equal(before.Select(r => r.Hash), (await _host.InTenantAsync(TenantB, (trail, _) => trail.ReadAsync())).Select(r => r.Hash));
        Assert.Equal(new AuditChainVerification(true, 4, null), await _host.VerifyAsync(TenantB));
        Assert.Equal(5, (await _host.AppendAsync(TenantB, "b.next")).Sequence);
    }

    [Fact]
    public async Task Each_tenant_is_pruned_by_its_own_retention_setting_or_the_default()
    {
        _host.Options.Retention.Period = TimeSpan.FromDays(3);
        _host.Tenancy.Tenants["short"] = Tenant("1.00:00:00");
        _host.Tenancy.Tenants["forever"] = Tenant(AuditRetentionOptions.Forever);
        _host.Tenancy.Tenants["garbled"] = Tenant("soon");
        _host.Tenancy.Tenants["default"] = new TenantDefinition();
        foreach (var tenant in new[] { "short", "forever", "garbled", "default", "unknown" })
        {
            await _host.AppendAsync(tenant, "day-0");
        }

        _host.Time.Advance(TimeSpan.FromDays(2));
        foreach (var tenant in new[] { "short", "forever", "garbled", "default", "unknown" })
        {
            await _host.AppendAsync(tenant, "day-2");
        }

        _host.Time.Advance(TimeSpan.FromDays(2));

        // Day 4: a 1-day period expires both records, the 3-day default only the first.
        Assert.Equal(2 + 1 + 1, await _host.Pruner().PruneAsync());

        Assert.Empty(await _host.SequencesAsync("short"));
        Assert.Equal([1L, 2L], await _host.SequencesAsync("forever"));
        Assert.Equal([1L, 2L], await _host.SequencesAsync("garbled"));
        Assert.Equal([2L], await _host.SequencesAsync("default"));
        Assert.Equal([2L], await _host.SequencesAsync("unknown"));
        foreach (var tenant in new[] { "short", "forever", "garbled", "default", "unknown" })
        {
            Assert.True((await _host.VerifyAsync(tenant)).IsValid);
        }
    }

    private static TenantDefinition Tenant(string retention) => new() { Settings = { [AuditRetentionOptions.TenantSetting] = retention } };
}

public sealed class PostgresAuditRetentionTests(PostgresAuditDatabase database)
    : AuditRetentionTests(database), IClassFixture<PostgresAuditDatabase>;

public sealed class SqliteAuditRetentionTests(SqliteAuditDatabase database)
    : AuditRetentionTests(database), IClassFixture<SqliteAuditDatabase>;
