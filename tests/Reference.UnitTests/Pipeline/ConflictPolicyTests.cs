using Mediator;
using Reference.Infrastructure.Pipeline;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory;

namespace Reference.UnitTests.Pipeline;

/// <summary>How the unit-of-work step applies a command's declared <see cref="ConflictPolicy"/>.</summary>
public sealed class ConflictPolicyTests
{
    private const string Stream = "thing-1";

    private readonly InMemoryAdapters _adapters = new(new JsonEventSerializer(
        new EventTypeRegistry().Register<NameChanged>().Register<ColourChanged>().Register<SomethingHappened>()));

    private readonly CountingHook _hook = new();

    [Fact]
    public async Task A_command_without_a_policy_is_rejected_on_the_first_conflict()
    {
        var runs = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsync(new Change(null), () => { runs++; throw Conflict(1); }));

        Assert.Equal(1, runs);
        Assert.Equal(0, _hook.Calls);
    }

    [Fact]
    public async Task A_retrying_command_runs_again_until_it_wins_and_its_before_commit_hooks_run_once()
    {
        var runs = 0;

        var result = await SendAsync(new Change(ConflictPolicy.Retry(5)), () => ++runs < 3 ? throw Conflict(runs) : Result.Success());

        Assert.True(result.IsSuccess);
        Assert.Equal(3, runs);
        Assert.Equal(1, _hook.Calls);
    }

    [Fact]
    public async Task A_retrying_command_gives_up_after_its_bound()
    {
        var runs = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsync(new Change(ConflictPolicy.Retry(4)), () => throw Conflict(++runs)));

        Assert.Equal(4, runs);
        Assert.Equal(0, _hook.Calls);
    }

    [Fact]
    public async Task A_nested_send_never_retries_on_its_own()
    {
        var runs = 0;
        await using var outer = await _adapters.UnitOfWork.BeginAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsync(new Change(ConflictPolicy.Retry(5)), () => throw Conflict(++runs)));

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_merge_runs_again_when_the_concurrent_change_touched_other_fields()
    {
        using var tenant = _adapters.Tenants.BeginScope("acme");
        await AppendAsync(new SomethingHappened(), new ColourChanged("red"));
        var runs = 0;

        var result = await SendAsync(new Change(ConflictPolicy.MergeFields(Stream, "name")), () => ++runs == 1 ? throw Conflict(1) : Result.Success());

        Assert.True(result.IsSuccess);
        Assert.Equal(2, runs);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_merge_is_refused_when_a_concurrent_change_touched_its_field_or_does_not_say_what_it_touched(bool sameField)
    {
        using var tenant = _adapters.Tenants.BeginScope("acme");
        await AppendAsync(new SomethingHappened(), new ColourChanged("red"), sameField ? new NameChanged("other") : new SomethingHappened());
        var runs = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => SendAsync(new Change(ConflictPolicy.MergeFields(Stream, "name")), () => ++runs == 1 ? throw Conflict(1) : Result.Success()));

        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_policy_makes_at_least_one_attempt_and_a_merge_names_a_field()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConflictPolicy.Retry(0));
        Assert.Throws<ArgumentException>(() => ConflictPolicy.MergeFields(Stream));
        Assert.Equal(1, ConflictPolicy.Reject.MaxAttempts);
    }

    private static ConcurrencyConflictException Conflict(long loadedVersion) =>
        new(Stream, loadedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), loadedVersion + 1);

    private Task AppendAsync(params DomainEvent[] events) =>
        _adapters.EventStore.AppendAsync(Stream, "Thing", ExpectedVersion.Any, events);

    private async Task<Result> SendAsync(Change command, Func<Result> handler)
    {
        var behaviour = new UnitOfWorkBehaviour<Change, Result>(_adapters.UnitOfWork, [_hook], _adapters.EventStore);
        return await behaviour.Handle(command, (_, _) => ValueTask.FromResult(handler()), CancellationToken.None);
    }

    private sealed record Change(ConflictPolicy? Policy) : ICommand<Result>, ITransactional, IDeclaresConflictPolicy
    {
        ConflictPolicy IDeclaresConflictPolicy.OnConflict => Policy ?? ConflictPolicy.Reject;
    }

    private sealed class CountingHook : IBeforeCommitHook
    {
        public int Calls { get; private set; }

        public Task BeforeCommitAsync(object message, TimeSpan elapsed, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}

[EventType("test.name-changed")]
public sealed record NameChanged(string Name) : DomainEvent, IChangesFields
{
    IReadOnlyCollection<string> IChangesFields.ChangedFields => ["name"];
}

[EventType("test.colour-changed")]
public sealed record ColourChanged(string Colour) : DomainEvent, IChangesFields
{
    IReadOnlyCollection<string> IChangesFields.ChangedFields => ["colour"];
}

[EventType("test.something-happened")]
public sealed record SomethingHappened : DomainEvent;
