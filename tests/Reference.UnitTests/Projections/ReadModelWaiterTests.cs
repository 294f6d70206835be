using Microsoft.Extensions.Time.Testing;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory.ReadModels;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;
using Reference.SharedKernel.Tenancy;

namespace Reference.UnitTests.Projections;

/// <summary>The bounded read-your-writes wait: it answers once the document reaches the wanted state, looks again on commits and polls, and gives up at its bound.</summary>
public sealed class ReadModelWaiterTests : IDisposable
{
    private static readonly ReadModelWaitOptions Options = new() { Timeout = TimeSpan.FromSeconds(3), PollInterval = TimeSpan.FromMilliseconds(250) };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly AmbientTenantContext _tenant = new();
    private readonly InMemoryReadModelStore<VersionedDocument> _store;
    private readonly ReadModelCommitSignal<VersionedDocument> _commits = new();
    private readonly ReadModelWaiter<VersionedDocument> _waiter;
    private readonly IDisposable _scope;

    public ReadModelWaiterTests()
    {
        _store = new InMemoryReadModelStore<VersionedDocument>(new InMemoryCheckpointStore(), _tenant);
        _waiter = new ReadModelWaiter<VersionedDocument>(_store, _commits, Options, _time);
        _scope = _tenant.BeginScope("acme");
    }

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task A_document_already_at_the_version_is_returned_at_once()
    {
        await WriteAsync("acme", "o-1", 3);

        var document = await _waiter.GetWhenAsync("o-1", d => d.Version >= 2);

        Assert.Equal(3, document?.Version);
    }

    [Fact]
    public async Task A_commit_signal_wakes_the_wait_without_any_time_passing()
    {
        await WriteAsync("acme", "o-1", 1);
        var waiting = _waiter.GetWhenAsync("o-1", d => d.Version >= 2);

        await WriteAsync("acme", "o-1", 2);
        _commits.Notify();

        Assert.Equal(2, (await waiting)?.Version);
    }

    [Fact]
    public async Task Without_a_signal_the_wait_polls_and_sees_a_commit_made_elsewhere()
    {
        await WriteAsync("acme", "o-1", 1);
        var waiting = _waiter.GetWhenAsync("o-1", d => d.Version >= 2);

        await WriteAsync("acme", "o-1", 2);
        _time.Advance(Options.PollInterval);

        Assert.Equal(2, (await waiting)?.Version);
    }

    [Fact]
    public async Task At_the_bound_the_wait_returns_the_last_version_it_read()
    {
        await WriteAsync("acme", "o-1", 1);
        var waiting = _waiter.GetWhenAsync("o-1", d => d.Version >= 5);

        _time.Advance(Options.Timeout);

        Assert.Equal(1, (await waiting)?.Version);
    }

    [Fact]
    public async Task Another_tenants_document_is_never_seen_and_is_waited_for_like_a_missing_one()
    {
        await WriteAsync("globex", "o-1", 7);
        var foreign = _waiter.GetWhenAsync("o-1", d => d.Version >= 1);
        var missing = _waiter.GetWhenAsync("o-2", d => d.Version >= 1);

        _commits.Notify();
        _time.Advance(Options.Timeout);

        Assert.Null(await foreign);
        Assert.Null(await missing);
    }

    private Task WriteAsync(string tenantId, string id, long version) =>
        _store.CommitAsync(new ReadModelBatch<VersionedDocument>(
            1,
            [new ReadModelWrite<VersionedDocument>(new ReadModelKey(tenantId, id), new VersionedDocument { Id = id, TenantId = tenantId, Version = version }, new LogPosition(1, version))],
            Checkpoint: null));

    public sealed class VersionedDocument : IReadModel
    {
        public string Id { get; set; } = "";

        public string TenantId { get; set; } = "";

        public long Version { get; set; }
    }
}
