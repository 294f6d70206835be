using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Persistence;

/// <summary>The EF Core repository for state-stored aggregates, mapped by convention.</summary>
public abstract class StateStoredRepositoryTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    [Fact]
    public async Task A_saved_aggregate_is_loaded_with_its_state_and_version()
    {
        using var tenant = AsTenant(TenantA);
        var id = Guid.NewGuid();
        var customer = Customer.Register(id, "Ada", "ada@example.test", new PostalAddress("1 Main St", "Springfield"));

        await using (var scope = Host.CreateScope())
        {
            await scope.Customers.SaveAsync(customer);
        }

        await using var read = Host.CreateScope();
        var loaded = await read.Customers.GetAsync(id);

        Assert.Equal(1, customer.Version);
        Assert.Empty(customer.PendingEvents);
        Assert.NotNull(loaded);
        Assert.Equal("Ada", loaded.Name);
        Assert.Equal(new PostalAddress("1 Main St", "Springfield"), loaded.Address);
        Assert.Equal(1, loaded.Version);
    }

    [Fact]
    public async Task Updates_bump_the_version_and_the_domain_events_go_to_the_aggregate_stream_and_outbox()
    {
        using var tenant = AsTenant(TenantA);
        var id = Guid.NewGuid();
        await SaveAsync(Customer.Register(id, "Ada", "ada@example.test", new PostalAddress("s", "c")));

        var customer = await LoadAsync(id);
        customer.Rename("Ada Lovelace");
        customer.Move(new PostalAddress("2 Side St", "Shelbyville"));
        await SaveAsync(customer);

        var reloaded = await LoadAsync(id);
        var stream = await ReadStreamAsync(id.ToString());
        Assert.Equal(2, reloaded.Version);
        Assert.Equal("Ada Lovelace", reloaded.Name);
        Assert.Equal("Shelbyville", reloaded.Address.City);
        Assert.Equal(["test.customer-registered", "test.customer-renamed"], stream.Select(e => e.EventType));
        Assert.All(stream, e => Assert.Equal(nameof(Customer), e.StreamType));
        Assert.Equal(2, await CountAsync("outbox"));
    }

    [Fact]
    public async Task A_stale_update_is_a_concurrency_conflict_carrying_the_current_version()
    {
        using var tenant = AsTenant(TenantA);
        var id = Guid.NewGuid();
        await SaveAsync(Customer.Register(id, "Ada", "ada@example.test", new PostalAddress("s", "c")));
        var winner = await LoadAsync(id);
        var loser = await LoadAsync(id);

        winner.Rename("Winner");
        await SaveAsync(winner);
        loser.Rename("Loser");
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(loser));

        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(1, loser.Version);
        Assert.Equal("Winner", (await LoadAsync(id)).Name);
        Assert.Equal(2, (await ReadStreamAsync(id.ToString())).Count);
    }

    [Fact]
    public async Task Inserting_an_existing_id_is_a_concurrency_conflict()
    {
        using var tenant = AsTenant(TenantA);
        var id = Guid.NewGuid();
        await SaveAsync(Customer.Register(id, "Ada", "ada@example.test", new PostalAddress("s", "c")));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            SaveAsync(Customer.Register(id, "Other", "other@example.test", new PostalAddress("s", "c"))));

        Assert.Equal(1, conflict.ActualVersion);
    }

    [Fact]
    public async Task Another_tenant_cannot_load_change_or_delete_an_aggregate_but_may_reuse_its_unique_values()
    {
        var id = Guid.NewGuid();
        Customer ofA;
        using (AsTenant(TenantA))
        {
            await SaveAsync(Customer.Register(id, "Ada", "ada@example.test", new PostalAddress("s", "c")));
            ofA = await LoadAsync(id);
        }

        using (AsTenant(TenantB))
        {
            await using var scope = Host.CreateScope();
            Assert.Null(await scope.Customers.GetAsync(id));

            ofA.Rename("Hijacked");
            await Assert.ThrowsAsync<TenantMismatchException>(() => scope.Customers.SaveAsync(ofA));
            await Assert.ThrowsAsync<TenantMismatchException>(() => scope.Customers.DeleteAsync(ofA));
            await Assert.ThrowsAsync<TenantMismatchException>(() =>
                scope.Customers.SaveAsync(Customer.Register(id, "Impostor", "impostor@example.test", new PostalAddress("s", "c"))));

            await SaveAsync(Customer.Register(Guid.NewGuid(), "Ada B", "ada@example.test", new PostalAddress("s", "c")));
        }

        using (AsTenant(TenantA))
        {
            Assert.Equal("Ada", (await LoadAsync(id)).Name);
        }
    }

    [Fact]
    public async Task A_unique_index_per_tenant_rejects_a_duplicate_within_the_tenant()
    {
        using var tenant = AsTenant(TenantA);
        await SaveAsync(Customer.Register(Guid.NewGuid(), "Ada", "ada@example.test", new PostalAddress("s", "c")));

        await Assert.ThrowsAnyAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() =>
            SaveAsync(Customer.Register(Guid.NewGuid(), "Ada 2", "ada@example.test", new PostalAddress("s", "c"))));
        Assert.Equal(1, await CountAsync("customer"));
    }

    [Fact]
    public async Task A_deleted_aggregate_is_gone()
    {
        using var tenant = AsTenant(TenantA);
        var id = Guid.NewGuid();
        await SaveAsync(Customer.Register(id, "Ada", "ada@example.test", new PostalAddress("s", "c")));

        await using (var scope = Host.CreateScope())
        {
            await scope.Customers.DeleteAsync(await LoadAsync(id));
        }

        await using var read = Host.CreateScope();
        Assert.Null(await read.Customers.GetAsync(id));
    }

    private async Task SaveAsync(Customer customer)
    {
        await using var scope = Host.CreateScope();
        await scope.Customers.SaveAsync(customer);
    }

    private async Task<Customer> LoadAsync(Guid id)
    {
        await using var scope = Host.CreateScope();
        return await scope.Customers.GetAsync(id) ?? throw new InvalidOperationException($"Customer {id} was not found.");
    }
}

public sealed class PostgresStateStoredRepositoryTests(PostgresWriteSideDatabase database)
    : StateStoredRepositoryTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteStateStoredRepositoryTests(SqliteWriteSideDatabase database)
    : StateStoredRepositoryTests(database), IClassFixture<SqliteWriteSideDatabase>;
