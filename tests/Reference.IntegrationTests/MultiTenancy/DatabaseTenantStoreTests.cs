using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reference.Infrastructure.MultiTenancy;
using Reference.Infrastructure.MultiTenancy.Database;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.MultiTenancy;

/// <summary>
/// The database tenant store, its cache and the tenant directory that writes to it, against a real database. Each test uses fresh tenant ids,
/// so the database can be shared between tests.
/// </summary>
public abstract class DatabaseTenantStoreTests : IAsyncLifetime
{
    private static readonly TenantCacheOptions CacheOptions = new()
    {
        Duration = TimeSpan.FromMinutes(5),
        MissDuration = TimeSpan.FromSeconds(30),
    };

    private readonly CountingCommands _commands = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly MultiTenancyOptions _options = new()
    {
        Defaults = new(StringComparer.OrdinalIgnoreCase) { ["plan"] = "free", ["region"] = "eu" },
    };

    // Seeding and inspection go through their own factory, so only the stores' queries are counted.
    private TenantDbContextFactory _contexts = null!;
    private TenantDbContextFactory _countedContexts = null!;
    private DatabaseConnector _connector = null!;

    protected abstract Task<DatabaseConnector> CreateConnectorAsync();

    public async Task InitializeAsync()
    {
        var connector = _connector = await CreateConnectorAsync();
        _contexts = new TenantDbContextFactory(connector);
        _countedContexts = new TenantDbContextFactory(connector, _commands);
        await new TenantStoreSchemaMigration(_contexts).MigrateAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_tenant_in_the_table_is_found_by_any_casing_of_its_id_with_the_defaults_merged_under_its_settings()
    {
        var id = NewId("Initech");
        await AddAsync(TenantRow.For(id, "Initech Ltd", """{"plan":"gold"}"""));

        var tenant = await Store().FindAsync(id.ToLowerInvariant());

        Assert.NotNull(tenant);
        Assert.Equal(id, tenant.Id);
        Assert.Equal("Initech Ltd", tenant.Name);
        Assert.Equal("gold", tenant.Settings["plan"]);
        Assert.Equal("eu", tenant.Settings["region"]);
    }

    [Fact]
    public async Task An_id_not_in_the_table_is_not_found()
    {
        await AddAsync(TenantRow.For(NewId("known"), "Known"));

        Assert.Null(await Store().FindAsync(NewId("unknown")));
        Assert.Null(await Store().FindAsync(new string('x', TenantDbContext.MaxIdLength + 1)));
    }

    [Fact]
    public async Task Two_tenants_whose_ids_differ_only_in_case_cannot_both_exist()
    {
        var id = NewId("hooli");
        await AddAsync(TenantRow.For(id, "Hooli"));

        await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(TenantRow.For(id.ToUpperInvariant(), "HOOLI")));
    }

    [Fact]
    public async Task A_cached_tenant_is_served_without_querying_the_database_again_whatever_the_casing()
    {
        var id = NewId("umbrella");
        await AddAsync(TenantRow.For(id, "Umbrella"));
        var store = CachedStore();

        var first = await store.FindAsync(id);
        var before = _commands.Queries;
        var second = await store.FindAsync(id.ToUpperInvariant());

        Assert.Equal(1, before);
        Assert.Equal(before, _commands.Queries);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task An_unknown_id_is_remembered_so_repeated_probes_query_the_database_once()
    {
        var store = CachedStore();
        var probe = NewId("probe");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Null(await store.FindAsync(probe));
        }

        Assert.Equal(1, _commands.Queries);
    }

    [Fact]
    public async Task A_cached_tenant_is_read_again_once_its_entry_expires()
    {
        var id = NewId("cyberdyne");
        await AddAsync(TenantRow.For(id, "Cyberdyne"));
        var store = CachedStore();
        await store.FindAsync(id);
        await RenameAsync(id, "Cyberdyne Systems");

        _time.Advance(CacheOptions.Duration - TimeSpan.FromSeconds(1));
        Assert.Equal("Cyberdyne", (await store.FindAsync(id))!.Name);
        Assert.Equal(1, _commands.Queries);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Cyberdyne Systems", (await store.FindAsync(id))!.Name);
        Assert.Equal(2, _commands.Queries);
    }

    [Fact]
    public async Task A_tenant_added_after_a_miss_is_found_once_the_miss_expires()
    {
        var id = NewId("soylent");
        var store = CachedStore();
        Assert.Null(await store.FindAsync(id));
        await AddAsync(TenantRow.For(id, "Soylent"));

        _time.Advance(CacheOptions.MissDuration - TimeSpan.FromSeconds(1));
        Assert.Null(await store.FindAsync(id));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Soylent", (await store.FindAsync(id))?.Name);
    }

    [Fact]
    public async Task The_directory_adds_a_tenant_that_a_store_which_remembered_its_id_as_unknown_finds_at_once()
    {
        var id = NewId("initrode");
        var store = CachedStore();
        Assert.Null(await store.FindAsync(id));
        await using var session = Session();

        var change = await Directory(session, store).AddAsync(new NewTenant(id, "Initrode", new Dictionary<string, string> { ["plan"] = "gold" }));

        Assert.Equal(TenantChange.Applied, change);
        var found = await store.FindAsync(id.ToUpperInvariant());
        Assert.Equal(("Initrode", "gold", true), (found?.Name, found?.Settings["plan"], found?.IsActive));
    }

    [Fact]
    public async Task Inside_a_unit_of_work_the_cached_miss_is_dropped_only_when_the_change_commits()
    {
        var id = NewId("vandelay");
        var store = CachedStore();
        Assert.Null(await store.FindAsync(id));
        await using var session = Session();
        var directory = Directory(session, store);

        await using (var unitOfWork = await session.BeginAsync())
        {
            Assert.Equal(TenantChange.Applied, await directory.AddAsync(new NewTenant(id, "Vandelay", new Dictionary<string, string>())));
            Assert.Equal("Vandelay", (await directory.FindAsync(id))?.Name);
            Assert.Null(await store.FindAsync(id));
            await unitOfWork.CommitAsync();
        }

        Assert.Equal("Vandelay", (await store.FindAsync(id))?.Name);
    }

    [Fact]
    public async Task The_directory_refuses_a_duplicate_in_any_casing_and_deactivates_and_reactivates_by_any_casing()
    {
        var id = NewId("wonka");
        var store = CachedStore();
        await using var session = Session();
        var directory = Directory(session, store);
        await directory.AddAsync(new NewTenant(id, "Wonka", new Dictionary<string, string>()));
        Assert.True((await store.FindAsync(id))?.IsActive);

        Assert.Equal(TenantChange.AlreadyExists, await directory.AddAsync(new NewTenant(id.ToUpperInvariant(), "Copy", new Dictionary<string, string>())));
        Assert.Equal(TenantChange.Applied, await directory.SetActiveAsync(id.ToUpperInvariant(), isActive: false));
        Assert.False((await store.FindAsync(id))?.IsActive);
        Assert.False((await directory.FindAsync(id))?.IsActive);
        Assert.Equal(TenantChange.Applied, await directory.SetActiveAsync(id, isActive: true));
        Assert.True((await store.FindAsync(id))?.IsActive);
        Assert.Equal(TenantChange.NotFound, await directory.SetActiveAsync(NewId("nobody"), isActive: false));
        Assert.Equal("Wonka", Assert.Single(await directory.ListAsync(), t => t.Id == id).Name);
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    private DatabaseTenantStore Store() => new(_countedContexts, new StaticOptionsMonitor(_options));

    private CachingTenantStore CachedStore() => new(Store(), _time, CacheOptions);

    private PersistenceSession Session() => new(_connector, NullLogger<PersistenceSession>.Instance);

    private TenantDirectory Directory(PersistenceSession session, CachingTenantStore cache) => new(
        new StaticOptionsMonitor(_options),
        [TenantStoreKind.Database],
        session,
        new TenantDirectory.WritableStore(_contexts, cache));

    private async Task AddAsync(TenantRow row)
    {
        await using var context = _contexts.Create();
        context.Tenants.Add(row);
        await context.SaveChangesAsync();
    }

    private async Task RenameAsync(string id, string name)
    {
        await using var context = _contexts.Create();
        var row = await context.Tenants.SingleAsync(t => t.Id == id);
        row.Name = name;
        await context.SaveChangesAsync();
    }

    private sealed class StaticOptionsMonitor(MultiTenancyOptions value) : IOptionsMonitor<MultiTenancyOptions>
    {
        public MultiTenancyOptions CurrentValue => value;

        public MultiTenancyOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<MultiTenancyOptions, string?> listener) => null;
    }
}
