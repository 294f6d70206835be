using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore.Mongo;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// The behaviour every <see cref="IProjectionDeadLetters"/> must have. The projection runner writes a batch's dead
/// letters before the batch commits, so a retried batch adds the same events again: each add must be idempotent,
/// keeping the first dead letter (its id, which the API hands out, and its re-drive mark).
/// </summary>
public abstract class ProjectionDeadLettersContract : IAsyncLifetime
{
    private static readonly DateTimeOffset FailedAt = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private IProjectionDeadLetters _deadLetters = null!;

    protected abstract Task<IProjectionDeadLetters> CreateAsync();

    public async Task InitializeAsync() => _deadLetters = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static string NewProjection() => "p-" + Guid.NewGuid().ToString("N")[..12];

    private static ProjectionDeadLetter DeadLetter(string projection, long position, Guid? eventId = null, string error = "boom") => new(
        Guid.CreateVersion7(), projection, 1, "acme", eventId ?? Guid.NewGuid(), "OrderPlaced", "order-" + position,
        new LogPosition(7, position), error, 3, FailedAt.AddSeconds(position), RedrivenAt: null);

    [Fact]
    public async Task An_added_dead_letter_reads_back_by_id_and_in_the_list()
    {
        var projection = NewProjection();
        var added = DeadLetter(projection, 5);

        await _deadLetters.AddAsync(added);

        Assert.Equal(added, await _deadLetters.GetAsync(added.Id));
        Assert.Equal([added], await _deadLetters.ListAsync(projection, includeRedriven: false, limit: 10));
        Assert.Null(await _deadLetters.GetAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Adding_the_same_event_again_keeps_the_first_dead_letter_and_its_id()
    {
        var projection = NewProjection();
        var first = DeadLetter(projection, 5);
        var retried = first with { Id = Guid.CreateVersion7(), Error = "boom again", Attempts = 4, FailedAt = FailedAt.AddMinutes(1) };

        await _deadLetters.AddAsync(first);
        await _deadLetters.AddAsync(retried);
        await _deadLetters.AddAsync(retried);

        Assert.Equal([first], await _deadLetters.ListAsync(projection, includeRedriven: true, limit: 10));
        Assert.Null(await _deadLetters.GetAsync(retried.Id));
    }

    [Fact]
    public async Task Re_adding_a_redriven_event_keeps_its_redrive_mark()
    {
        var projection = NewProjection();
        var first = DeadLetter(projection, 5);
        await _deadLetters.AddAsync(first);
        Assert.True(await _deadLetters.MarkRedrivenAsync(first.Id, FailedAt.AddHours(1)));

        await _deadLetters.AddAsync(first with { Id = Guid.CreateVersion7() });

        Assert.Empty(await _deadLetters.ListAsync(projection, includeRedriven: false, limit: 10));
        Assert.Equal(FailedAt.AddHours(1), Assert.Single(await _deadLetters.ListAsync(projection, includeRedriven: true, limit: 10)).RedrivenAt);
    }

    [Fact]
    public async Task The_same_event_in_another_generation_or_projection_is_its_own_dead_letter()
    {
        var projection = NewProjection();
        var first = DeadLetter(projection, 5);

        await _deadLetters.AddAsync(first);
        await _deadLetters.AddAsync(first with { Id = Guid.CreateVersion7(), Generation = 2 });
        await _deadLetters.AddAsync(first with { Id = Guid.CreateVersion7(), Projection = projection + "-other" });

        Assert.Equal(2, (await _deadLetters.ListAsync(projection, includeRedriven: false, limit: 10)).Count);
        Assert.Single(await _deadLetters.ListAsync(projection + "-other", includeRedriven: false, limit: 10));
    }

    [Fact]
    public async Task A_dead_letter_is_marked_redriven_once_and_leaves_the_pending_list()
    {
        var projection = NewProjection();
        var pending = DeadLetter(projection, 5);
        var redriven = DeadLetter(projection, 6);
        await _deadLetters.AddAsync(pending);
        await _deadLetters.AddAsync(redriven);

        Assert.True(await _deadLetters.MarkRedrivenAsync(redriven.Id, FailedAt.AddHours(1)));
        Assert.False(await _deadLetters.MarkRedrivenAsync(redriven.Id, FailedAt.AddHours(2)));
        Assert.False(await _deadLetters.MarkRedrivenAsync(Guid.NewGuid(), FailedAt.AddHours(2)));

        Assert.Equal([pending.Id], (await _deadLetters.ListAsync(projection, includeRedriven: false, limit: 10)).Select(d => d.Id));
        Assert.Equal(FailedAt.AddHours(1), (await _deadLetters.GetAsync(redriven.Id))!.RedrivenAt);
        Assert.Equal(2, (await _deadLetters.ListAsync(projection, includeRedriven: true, limit: 10)).Count);
    }

    [Fact]
    public async Task The_list_keeps_to_its_projection_and_limit_in_log_order()
    {
        var projection = NewProjection();
        foreach (var position in new long[] { 9, 3, 6 })
        {
            await _deadLetters.AddAsync(DeadLetter(projection, position));
        }

        await _deadLetters.AddAsync(DeadLetter(NewProjection(), 1));

        Assert.Equal([3L, 6L], (await _deadLetters.ListAsync(projection, includeRedriven: false, limit: 2)).Select(d => d.Position.Position));
    }
}

public sealed class InMemoryProjectionDeadLettersContract : ProjectionDeadLettersContract
{
    protected override Task<IProjectionDeadLetters> CreateAsync() => Task.FromResult<IProjectionDeadLetters>(new InMemoryProjectionDeadLetters());
}

public abstract class RelationalProjectionDeadLettersContract(RelationalEngine engine) : ProjectionDeadLettersContract
{
    private RelationalReadStoreHost? _host;

    protected override async Task<IProjectionDeadLetters> CreateAsync()
    {
        _host = await RelationalReadStoreHost.StartAsync(engine, new AmbientTenantContext());
        return _host.DeadLetters;
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

public sealed class PostgresProjectionDeadLettersContract() : RelationalProjectionDeadLettersContract(RelationalEngine.Postgres);

public sealed class SqliteProjectionDeadLettersContract() : RelationalProjectionDeadLettersContract(RelationalEngine.Sqlite);

/// <summary>On MongoDB's wire protocol (MongoDB at <c>MONGODB_URI</c>, else the Mongo-wire emulator).</summary>
public sealed class MongoProjectionDeadLettersContract : ProjectionDeadLettersContract
{
    private readonly MongoTestDatabases _databases = new();

    protected override Task<IProjectionDeadLetters> CreateAsync() =>
        Task.FromResult<IProjectionDeadLetters>(new MongoProjectionDeadLetters(_databases.New()));

    public override Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}
