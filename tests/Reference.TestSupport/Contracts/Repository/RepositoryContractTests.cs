using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Repository;

/// <summary>
/// The behaviour every state-stored <see cref="IRepository{TAggregate,TId}"/> must have, shown with
/// <see cref="ContractAccount"/>: versions checked on save, tenant isolation, and pending events written
/// to the aggregate's stream (its id as text) and to the outbox in the same unit of work. Subclass it per
/// adapter and implement <see cref="CreateHarnessAsync"/>.
/// </summary>
public abstract class RepositoryContractTests : IAsyncLifetime
{
    private RepositoryHarness? _harness;

    private RepositoryHarness Harness => _harness ?? throw new InvalidOperationException("Created in InitializeAsync.");

    /// <summary>Creates the ports under test over one database that holds no data of this test yet.</summary>
    protected abstract Task<RepositoryHarness> CreateHarnessAsync();

    public async Task InitializeAsync() => _harness = await CreateHarnessAsync();

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_new_aggregate_is_saved_at_version_one_and_loads_back()
    {
        using var scope = Tenant(NewTenant());
        var account = ContractAccount.Open("Ada");
        account.Deposit(25m);

        await Repository().SaveAsync(account);
        var loaded = await Repository().GetAsync(account.Id);

        Assert.Equal(1, account.Version);
        Assert.Empty(account.PendingEvents);
        Assert.NotNull(loaded);
        Assert.Equal(("Ada", 25m, 1L), (loaded.Owner, loaded.Balance, loaded.Version));
        Assert.Empty(loaded.PendingEvents);
    }

    [Fact]
    public async Task Saving_at_the_loaded_version_updates_the_state_and_bumps_the_version()
    {
        using var scope = Tenant(NewTenant());
        var account = await SavedAccountAsync();

        var loaded = (await Repository().GetAsync(account.Id))!;
        loaded.Rename("Grace");
        loaded.Deposit(5m);
        await Repository().SaveAsync(loaded);

        var reloaded = (await Repository().GetAsync(account.Id))!;
        Assert.Equal(("Grace", 15m, 2L), (reloaded.Owner, reloaded.Balance, reloaded.Version));
    }

    [Fact]
    public async Task Changes_not_saved_are_not_stored()
    {
        using var scope = Tenant(NewTenant());
        var account = await SavedAccountAsync();

        var loaded = (await Repository().GetAsync(account.Id))!;
        loaded.Deposit(1000m);

        Assert.Equal(10m, (await Repository().GetAsync(account.Id))!.Balance);
    }

    [Fact]
    public async Task Saving_a_stale_copy_is_a_conflict_and_changes_nothing()
    {
        using var scope = Tenant(NewTenant());
        var account = await SavedAccountAsync();
        var first = (await Repository().GetAsync(account.Id))!;
        var second = (await Repository().GetAsync(account.Id))!;

        first.Deposit(1m);
        await Repository().SaveAsync(first);
        second.Deposit(500m);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Repository().SaveAsync(second));

        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(11m, (await Repository().GetAsync(account.Id))!.Balance);
        Assert.DoesNotContain(await EventsOfAsync(account), e => e is MoneyDeposited { Amount: 500m });
    }

    [Fact]
    public async Task Inserting_an_id_that_exists_is_a_conflict()
    {
        using var scope = Tenant(NewTenant());
        var account = await SavedAccountAsync();
        var impostor = new ContractAccount(account.Id, "Mallory");

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Repository().SaveAsync(impostor));

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal("Ada", (await Repository().GetAsync(account.Id))!.Owner);
    }

    [Fact]
    public async Task Pending_events_go_to_the_event_log_and_the_outbox_with_the_state()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        var account = ContractAccount.Open("Ada");
        account.Deposit(10m);
        var raised = account.PendingEvents.ToList();

        await Repository().SaveAsync(account);

        Assert.Equal(raised, await EventsOfAsync(account));
        var messages = await ClaimOwnAsync(tenant);
        Assert.Equal(raised.Select(e => e.EventId), messages.Select(m => m.MessageId));
        Assert.Equal(["contract.account-opened", "contract.money-deposited"], messages.Select(m => m.Type));
        Assert.Single(messages.Select(m => m.PartitionKey).Distinct());
    }

    [Fact]
    public async Task A_rolled_back_unit_of_work_leaves_no_state_events_or_messages()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        var account = ContractAccount.Open("Ada");

        await using (await Harness.UnitOfWork.BeginAsync())
        {
            await Repository().SaveAsync(account);
        }

        Assert.Null(await Repository().GetAsync(account.Id));
        Assert.Empty(await EventsOfAsync(account));
        Assert.Empty(await ClaimOwnAsync(tenant));
    }

    [Fact]
    public async Task A_deleted_aggregate_is_gone_and_a_stale_delete_is_a_conflict()
    {
        using var scope = Tenant(NewTenant());
        var account = await SavedAccountAsync();
        var stale = (await Repository().GetAsync(account.Id))!;
        var current = (await Repository().GetAsync(account.Id))!;
        current.Deposit(1m);
        await Repository().SaveAsync(current);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Repository().DeleteAsync(stale));
        await Repository().DeleteAsync(current);

        Assert.Null(await Repository().GetAsync(account.Id));
    }

    [Fact]
    public async Task Another_tenant_can_neither_see_nor_overwrite_nor_delete_the_aggregate()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        ContractAccount account;
        using (Tenant(tenantA))
        {
            account = await SavedAccountAsync();
        }

        using (Tenant(tenantB))
        {
            Assert.Null(await Repository().GetAsync(account.Id));
            await Assert.ThrowsAsync<TenantMismatchException>(() => Repository().SaveAsync(new ContractAccount(account.Id, "Mallory")));
            await Assert.ThrowsAsync<TenantMismatchException>(() => Repository().DeleteAsync(account));
        }

        using (Tenant(tenantA))
        {
            var stored = (await Repository().GetAsync(account.Id))!;
            Assert.Equal(("Ada", 10m, 1L), (stored.Owner, stored.Balance, stored.Version));
        }
    }

    [Fact]
    public async Task The_repository_needs_a_tenant()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => Repository().GetAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Repository().SaveAsync(ContractAccount.Open("Ada")));
    }

    private IRepository<ContractAccount, Guid> Repository() => Harness.CreateRepository();

    private async Task<ContractAccount> SavedAccountAsync()
    {
        var account = ContractAccount.Open("Ada");
        account.Deposit(10m);
        await Repository().SaveAsync(account);
        return account;
    }

    private async Task<List<DomainEvent>> EventsOfAsync(ContractAccount account)
    {
        var events = new List<DomainEvent>();
        await foreach (var stored in Harness.EventStore.ReadStreamAsync(account.Id.ToString()))
        {
            events.Add(stored.Data);
        }

        return events;
    }

    /// <summary>Drains the outbox (one message per partition at a time) and keeps the tenant's messages.</summary>
    private async Task<List<OutboxMessage>> ClaimOwnAsync(string tenant)
    {
        var owner = "dispatcher-" + Guid.NewGuid();
        var messages = new List<OutboxMessage>();
        while (await Harness.Outbox.ClaimAsync(owner, 1000, TimeSpan.FromMinutes(1)) is { Count: > 0 } claimed)
        {
            foreach (var delivery in claimed)
            {
                Assert.True(await Harness.Outbox.CompleteAsync(delivery.Message.MessageId, owner));
            }

            messages.AddRange(claimed.Select(d => d.Message).Where(m => m.TenantId == tenant));
        }

        return messages;
    }
}
