using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Audit;

/// <summary>
/// The behaviour every <see cref="IAuditTrail"/> must have: a per-tenant hash chain that detects edits
/// and deletions. Subclass it and implement <see cref="PortContract{TPort}.CreatePortAsync"/>.
/// </summary>
public abstract class AuditTrailContractTests : PortContract<AuditTrailHarness>
{
    private static readonly FieldMap<AuditLogEntry> Fields = FieldMap.For<AuditLogEntry>()
        .Key(e => e.Sequence)
        .Tenant(e => e.TenantId)
        .Field("sequence", e => e.Sequence, f => f.Sortable())
        .Field("action", e => e.Action)
        .Field("outcome", e => e.Outcome)
        .Build();

    private IAuditTrail Trail => Port.AuditTrail;

    [Fact]
    public async Task Appended_records_form_a_chain_in_sequence_order()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);

        var appended = new List<AuditRecord>();
        for (var i = 0; i < 3; i++)
        {
            appended.Add(await Trail.AppendAsync(Record($"orders.place-{i}")));
        }

        Assert.Equal([1L, 2L, 3L], appended.Select(r => r.Sequence));
        Assert.Null(appended[0].PreviousHash);
        Assert.Equal(appended[0].Hash, appended[1].PreviousHash);
        Assert.Equal(appended[1].Hash, appended[2].PreviousHash);
        Assert.All(appended, r => Assert.Equal(AuditHashing.Compute(r, r.PreviousHash), r.Hash));
        Assert.All(appended, r => Assert.Equal(tenant, r.TenantId));
        Assert.Equal(appended.Select(Identity), (await Trail.ReadAsync()).Select(Identity));
        Assert.Equal(appended.Skip(1).Take(1).Select(Identity), (await Trail.ReadAsync(afterSequence: 1, maxCount: 1)).Select(Identity));
        Assert.Equal(new AuditChainVerification(true, 3, null), await Trail.VerifyAsync());
    }

    [Fact]
    public async Task An_empty_chain_verifies()
    {
        using var scope = Tenant(NewTenant());

        Assert.Equal(new AuditChainVerification(true, 0, null), await Trail.VerifyAsync());
    }

    [Fact]
    public async Task An_edited_record_is_reported_as_the_first_broken_link()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        await AppendManyAsync(5);

        await Port.TamperAsync(tenant, records => [.. records.Select(r => r.Sequence == 3 ? r with { Outcome = AuditOutcome.Succeeded, Reason = "covered up" } : r)]);

        Assert.Equal(new AuditChainVerification(false, 2, 3), await Trail.VerifyAsync());
    }

    [Fact]
    public async Task A_deleted_record_breaks_the_chain_at_the_record_after_it()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        await AppendManyAsync(4);

        await Port.TamperAsync(tenant, records => [.. records.Where(r => r.Sequence != 2)]);

        Assert.Equal(new AuditChainVerification(false, 1, 3), await Trail.VerifyAsync());
    }

    [Fact]
    public async Task A_record_rehashed_after_an_edit_still_breaks_the_link_to_the_next()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        await AppendManyAsync(3);

        await Port.TamperAsync(tenant, records => [.. records.Select(r =>
        {
            if (r.Sequence != 2)
            {
                return r;
            }

            var edited = r with { Actor = new AuditActor("someone-else", "Someone Else", []) };
            return edited with { Hash = AuditHashing.Compute(edited, edited.PreviousHash) };
        })]);

        Assert.Equal(new AuditChainVerification(false, 2, 3), await Trail.VerifyAsync());
    }

    [Fact]
    public async Task Each_tenant_has_its_own_chain_and_cannot_read_or_break_another()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        using (Tenant(tenantA))
        {
            await AppendManyAsync(2);
        }

        using (Tenant(tenantB))
        {
            var first = await Trail.AppendAsync(Record("b.first"));
            Assert.Equal(1, first.Sequence);
            Assert.Null(first.PreviousHash);
            Assert.Equal([Identity(first)], (await Trail.ReadAsync()).Select(Identity));
            await Assert.ThrowsAsync<TenantMismatchException>(() => Trail.AppendAsync(Record("forged") with { TenantId = tenantA }));
        }

        await Port.TamperAsync(tenantB, records => [.. records.Select(r => r with { Action = "edited" })]);

        using (Tenant(tenantA))
        {
            Assert.Equal(new AuditChainVerification(true, 2, null), await Trail.VerifyAsync());
            Assert.Equal(2, (await Trail.ReadAsync()).Count);
        }
    }

    [Fact]
    public async Task A_record_rolls_back_with_its_unit_of_work_and_the_chain_stays_intact()
    {
        using var scope = Tenant(NewTenant());
        await Trail.AppendAsync(Record("kept"));

        await using (await Port.UnitOfWork.BeginAsync())
        {
            await Trail.AppendAsync(Record("discarded"));
        }

        var next = await Trail.AppendAsync(Record("next"));
        Assert.Equal(2, next.Sequence);
        Assert.Equal(["kept", "next"], (await Trail.ReadAsync()).Select(r => r.Action));
        Assert.True((await Trail.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Lists_a_filtered_sorted_page_of_the_ambient_tenants_records_only()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        using (Tenant(tenantB))
        {
            await Trail.AppendAsync(Record("b.secret"));
        }

        using var scope = Tenant(tenantA);
        await AppendManyAsync(3);

        var page = await Trail.ListAsync(ListQuery.Parse("filter=action^action-,outcome=rejected&sort=-sequence&pageSize=2"), Fields, ListConstraints<AuditLogEntry>.ForTenant(tenantA));
        var othersByFilter = await Trail.ListAsync(ListQuery.Parse("filter=action=b.secret"), Fields, ListConstraints<AuditLogEntry>.ForTenant(tenantA));
        var othersByConstraint = await Trail.ListAsync(ListQuery.Parse(null), Fields, ListConstraints<AuditLogEntry>.ForTenant(tenantB));

        Assert.Equal([3L, 2L], page.Items.Select(r => r.Sequence));
        Assert.Equal(3, page.TotalCount);
        Assert.NotNull(page.NextCursor);
        Assert.Empty(othersByFilter.Items);
        Assert.Empty(othersByConstraint.Items);
        await Assert.ThrowsAsync<FilterException>(() => Trail.ListAsync(ListQuery.Parse("filter=tenantId=" + tenantB), Fields, ListConstraints<AuditLogEntry>.ForTenant(tenantA)));
    }

    [Fact]
    public async Task The_audit_trail_needs_a_tenant()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => Trail.AppendAsync(Record("x")));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Trail.ReadAsync());
        await Assert.ThrowsAsync<TenantRequiredException>(() => Trail.VerifyAsync());
        await Assert.ThrowsAsync<TenantRequiredException>(() => Trail.ListAsync(ListQuery.Parse(null), Fields, ListConstraints<AuditLogEntry>.ForTenant("any")));
    }

    /// <summary>What identifies a stored record and its place in the chain (records hold lists, which compare by reference).</summary>
    private static (Guid Id, long Sequence, string? Hash) Identity(AuditRecord record) => (record.Id, record.Sequence, record.Hash);

    /// <summary>A record as a use case would write it; the time is whole seconds so every store can keep it exactly.</summary>
    private AuditRecord Record(string action) => new(
        Guid.NewGuid(),
        Time.GetUtcNow(),
        TenantId: "",
        new AuditActor("user-1", "Ada", ["clerk"]),
        action,
        new AuditResource("order", "42"),
        AuditOutcome.Rejected,
        Reason: "insufficient stock",
        DurationMs: 12,
        CorrelationId: "correlation-1",
        TraceId: null);

    private async Task AppendManyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Trail.AppendAsync(Record($"action-{i}"));
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
