using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Persistence;

/// <summary>The event store's behaviour, run on every provider by the subclasses below.</summary>
public abstract class EventStoreTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    [Fact]
    public async Task Appended_events_are_read_back_in_order_with_their_metadata()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();

        var result = await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("a", 1), new ItemAdded("b", 2));

        var events = await ReadStreamAsync(stream);
        Assert.Equal(2, result.NextExpectedVersion);
        Assert.Equal([1L, 2L], events.Select(e => e.StreamVersion));
        Assert.Equal(["a", "b"], events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.All(events, e => Assert.Equal(TenantA, e.TenantId));
        Assert.All(events, e => Assert.Equal("Item", e.StreamType));
        Assert.All(events, e => Assert.Equal("test.item-added", e.EventType));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Metadata.CorrelationId)));
        Assert.Equal(events[^1].LogPosition, result.LastPosition);
        Assert.Equal(2, await StreamVersionAsync(stream));
    }

    [Fact]
    public async Task A_stream_reads_backward_from_a_version()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("a", 1), new ItemAdded("b", 2), new ItemAdded("c", 3));

        await using var scope = Host.CreateScope();
        var backward = await scope.EventStore.ReadStreamAsync(stream, StreamDirection.Backward, fromVersion: 2).ToListAsync();
        var lastOnly = await scope.EventStore.ReadStreamAsync(stream, StreamDirection.Backward, maxCount: 1).ToListAsync();

        Assert.Equal([2L, 1L], backward.Select(e => e.StreamVersion));
        Assert.Equal([3L], lastOnly.Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task Twenty_parallel_appends_at_the_same_version_have_exactly_one_winner()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("first", 1));

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await AppendAsync(stream, ExpectedVersion.Exact(1), new ItemAdded($"racer-{i}", i));
                return (long?)null;
            }
            catch (ConcurrencyConflictException conflict)
            {
                return conflict.ActualVersion;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), actual => Assert.Equal(2, actual));
        Assert.Equal([1L, 2L], (await ReadStreamAsync(stream)).Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task Twenty_parallel_appends_with_any_version_all_succeed_with_contiguous_versions()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            AppendAsync(stream, ExpectedVersion.Any, new ItemAdded($"racer-{i}", i)))));

        var events = await ReadStreamAsync(stream);
        Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), events.Select(e => e.StreamVersion));
        Assert.Equal(20, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Expected_version_states_are_enforced()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(stream, ExpectedVersion.StreamExists, new ItemAdded("a", 1)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(stream, ExpectedVersion.Exact(3), new ItemAdded("a", 1)));
        await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("a", 1));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("b", 1)));
        await AppendAsync(stream, ExpectedVersion.StreamExists, new ItemAdded("c", 1));

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(2, await StreamVersionAsync(stream));
    }

    [Fact]
    public async Task Retrying_a_committed_append_with_the_same_event_ids_succeeds_without_duplicates()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        var batch = new[] { new ItemAdded("a", 1), new ItemAdded("b", 2) };

        var first = await AppendAsync(stream, ExpectedVersion.NoStream, batch);
        var retry = await AppendAsync(stream, ExpectedVersion.NoStream, batch);
        var retryWithAny = await AppendAsync(stream, ExpectedVersion.Any, batch);

        Assert.Equal(first, retry);
        Assert.Equal(first, retryWithAny);
        Assert.Equal(2, (await ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task Reusing_an_event_id_with_other_content_or_at_another_position_is_a_duplicate()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        var original = new ItemAdded("a", 1);
        await AppendAsync(stream, ExpectedVersion.NoStream, original);

        var errors = new[]
        {
            await Assert.ThrowsAsync<InvalidAppendException>(() => AppendAsync(stream, ExpectedVersion.NoStream, original with { Quantity = 99 })),
            await Assert.ThrowsAsync<InvalidAppendException>(() => AppendAsync(stream, ExpectedVersion.Exact(1), original)),
            await Assert.ThrowsAsync<InvalidAppendException>(() => AppendAsync(stream, ExpectedVersion.Any, new ItemAdded("new", 1), original)),
            await Assert.ThrowsAsync<InvalidAppendException>(() => AppendAsync(NewStreamId(), ExpectedVersion.NoStream, original)),
        };

        Assert.All(errors, e => Assert.Equal(InvalidAppendException.Codes.DuplicateEvent, e.Code));

        var events = await ReadStreamAsync(stream);
        Assert.Equal(1, Assert.Single(events).StreamVersion);
        Assert.Equal(1, ((ItemAdded)events[0].Data).Quantity);
    }

    [Fact]
    public async Task A_stream_keeps_its_type()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("a", 1));

        await using var scope = Host.CreateScope();
        var error = await Assert.ThrowsAsync<InvalidAppendException>(() =>
            scope.EventStore.AppendAsync(stream, "Order", ExpectedVersion.Any, [new ItemAdded("b", 1)]));

        Assert.Equal(InvalidAppendException.Codes.StreamTypeMismatch, error.Code);
        Assert.Equal(1, await StreamVersionAsync(stream));
    }

    [Fact]
    public async Task The_same_stream_id_in_two_tenants_is_two_streams()
    {
        var stream = NewStreamId();
        using (AsTenant(TenantA))
        {
            await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("a-1", 1), new ItemAdded("a-2", 1));
        }

        using (AsTenant(TenantB))
        {
            Assert.Equal(0, await StreamVersionAsync(stream));
            Assert.Empty(await ReadStreamAsync(stream));
            Assert.Empty(await ReadAllAsync(LogPosition.Start));
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(stream, ExpectedVersion.Exact(2), new ItemAdded("b", 1)));

            await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("b-1", 1));

            Assert.Equal(["b-1"], (await ReadStreamAsync(stream)).Select(e => ((ItemAdded)e.Data).Sku));
        }

        using (AsTenant(TenantA))
        {
            Assert.Equal(["a-1", "a-2"], (await ReadStreamAsync(stream)).Select(e => ((ItemAdded)e.Data).Sku));
            Assert.Equal(["a-1", "a-2"], (await ReadAllUntilAsync(2)).Select(e => ((ItemAdded)e.Data).Sku));
        }

        using (Host.Tenants.BeginSystemScope())
        {
            Assert.Equal(3, (await ReadAllUntilAsync(3)).Count);
        }
    }

    [Fact]
    public async Task The_global_log_pages_forward_from_a_checkpoint()
    {
        using var tenant = AsTenant(TenantA);
        for (var i = 0; i < 5; i++)
        {
            await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, new ItemAdded($"e{i}", i));
        }

        Assert.Equal(5, (await ReadAllUntilAsync(5)).Count);

        await using var scope = Host.CreateScope();
        var first = await scope.EventStore.ReadAllAsync(LogPosition.Start, 3);
        var second = await scope.EventStore.ReadAllAsync(first.Next, 3);
        var third = await scope.EventStore.ReadAllAsync(second.Next, 3);

        Assert.Equal(["e0", "e1", "e2"], first.Events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.Equal(["e3", "e4"], second.Events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.Empty(third.Events);
        Assert.Equal(second.Next, third.Next);
    }

    [Fact]
    public async Task Work_without_a_tenant_is_refused()
    {
        await using var scope = Host.CreateScope();

        await Assert.ThrowsAsync<TenantRequiredException>(() =>
            scope.EventStore.AppendAsync(NewStreamId(), "Item", ExpectedVersion.Any, [new ItemAdded("a", 1)]));
        await Assert.ThrowsAsync<TenantRequiredException>(() => scope.EventStore.GetStreamVersionAsync("x"));
        await Assert.ThrowsAsync<TenantRequiredException>(() => scope.EventStore.ReadAllAsync(LogPosition.Start, 10));
        Assert.Equal(0, await CountAsync("events"));
    }

    public static TheoryData<string, string> BadAppends => new()
    {
        { "empty-stream", InvalidAppendException.Codes.StreamId },
        { "long-stream", InvalidAppendException.Codes.StreamId },
        { "empty-type", InvalidAppendException.Codes.StreamType },
        { "no-events", InvalidAppendException.Codes.NoEvents },
        { "duplicate-ids", InvalidAppendException.Codes.DuplicateEvent },
        { "too-large", InvalidAppendException.Codes.PayloadTooLarge },
        { "not-serializable", InvalidAppendException.Codes.NotSerializable },
    };

    [Theory]
    [MemberData(nameof(BadAppends))]
    public async Task Bad_input_is_refused_with_a_stable_code_and_nothing_is_written(string input, string expectedCode)
    {
        using var tenant = AsTenant(TenantA);
        var repeated = new ItemAdded("a", 1);
        (string Stream, string Type, DomainEvent[] Events) append = input switch
        {
            "empty-stream" => ("  ", "Item", [new ItemAdded("a", 1)]),
            "long-stream" => (new string('s', StreamIdRules.MaxLength + 1), "Item", [new ItemAdded("a", 1)]),
            "empty-type" => ("stream", "", [new ItemAdded("a", 1)]),
            "no-events" => ("stream", "Item", []),
            "duplicate-ids" => ("stream", "Item", [repeated, repeated]),
            "too-large" => ("stream", "Item", [new BigEvent(new string('x', 300 * 1024))]),
            _ => ("stream", "Item", [new UnserializableEvent(typeof(string))]),
        };

        await using var scope = Host.CreateScope();
        var error = await Assert.ThrowsAsync<InvalidAppendException>(() =>
            scope.EventStore.AppendAsync(append.Stream, append.Type, ExpectedVersion.Any, append.Events));

        Assert.Equal(expectedCode, error.Code);
        Assert.Equal(0, await CountAsync("events"));
        Assert.Equal(0, await CountAsync("streams"));
    }

    [Fact]
    public async Task Reading_an_unregistered_event_type_names_it()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        await AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("a", 1));
        await ExecuteSqlAsync("UPDATE events SET event_type = 'test.retired-event'");

        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => ReadStreamAsync(stream));

        Assert.Equal("test.retired-event", error.EventType);
        Assert.Contains("test.retired-event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_schema_versions_are_upcast_on_read_and_a_failing_upcaster_is_reported()
    {
        using var tenant = AsTenant(TenantA);
        var upcastable = NewStreamId();
        var broken = NewStreamId();
        await using (var scope = Host.CreateScope())
        {
            await scope.EventStore.AppendAsync(upcastable, "Item", ExpectedVersion.NoStream, [new ItemRenamed("a", "ignored")]);
            await scope.EventStore.AppendAsync(broken, "Item", ExpectedVersion.NoStream, [new ItemRenamed("b", "ignored")]);
        }

        await ExecuteSqlAsync($"UPDATE events SET schema_version = 1, data = '{{\"sku\":\"a\",\"name\":\"Old name\"}}' WHERE stream_id = '{upcastable}'");
        await ExecuteSqlAsync($"UPDATE events SET schema_version = 1, data = '{{\"sku\":\"b\"}}' WHERE stream_id = '{broken}'");

        var upcast = Assert.Single(await ReadStreamAsync(upcastable));
        var error = await Assert.ThrowsAsync<EventUpcastException>(() => ReadStreamAsync(broken));

        Assert.Equal("Old name", ((ItemRenamed)upcast.Data).NewName);
        Assert.Equal("test.item-renamed", error.EventType);
        Assert.Equal(1, error.FromSchemaVersion);
    }
}

[EventType("test.unserializable")]
public sealed record UnserializableEvent(Type ClrType) : DomainEvent;

public sealed class PostgresEventStoreTests(PostgresWriteSideDatabase database)
    : EventStoreTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteEventStoreTests(SqliteWriteSideDatabase database)
    : EventStoreTests(database), IClassFixture<SqliteWriteSideDatabase>;
