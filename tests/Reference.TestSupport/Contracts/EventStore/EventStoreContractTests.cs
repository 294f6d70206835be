using Reference.SharedKernel.Application;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.EventStore;

/// <summary>
/// The behaviour every <see cref="SharedKernel.Ports.IEventStore"/> must have. Subclass it per adapter
/// and implement <see cref="EventStoreContractBase.CreateHarnessAsync"/>.
/// </summary>
public abstract class EventStoreContractTests : EventStoreContractBase
{
    private const int Contenders = 20;

    [Fact]
    public async Task Appended_events_read_back_in_order_with_versions_and_stamped_metadata()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId("order");
        var events = Items(3);
        using var scope = Tenant(tenant);
        using var correlation = new AmbientCorrelationContext().BeginScope("correlation-1", "cause-1");
        using var user = new AmbientCurrentUser().BeginScope(new Principal("user-7", "Ada", [], []));

        var result = await Store.AppendAsync(streamId, "order", ExpectedVersion.NoStream, events);
        var stored = await ReadAsync(streamId);

        Assert.Equal(3, result.NextExpectedVersion);
        Assert.Equal(events, stored.Select(e => e.Data));
        Assert.Equal([1L, 2L, 3L], stored.Select(e => e.StreamVersion));
        Assert.Equal(events.Select(e => e.EventId), stored.Select(e => e.EventId));
        Assert.Equal(result.LastPosition, stored[^1].LogPosition);
        Assert.All(stored, e =>
        {
            Assert.Equal(tenant, e.TenantId);
            Assert.Equal(streamId, e.StreamId);
            Assert.Equal("order", e.StreamType);
            Assert.Equal("contract.item-added", e.EventType);
            Assert.Equal(1, e.SchemaVersion);
            Assert.Equal("correlation-1", e.Metadata.CorrelationId);
            Assert.Equal("cause-1", e.Metadata.CausationId);
            Assert.Equal("user-7", e.Metadata.UserId);
            Assert.Equal(Time.GetUtcNow(), e.RecordedAt);
        });
        Assert.True(stored[0].LogPosition < stored[1].LogPosition && stored[1].LogPosition < stored[2].LogPosition);
        Assert.Equal(3, await Store.GetStreamVersionAsync(streamId));
    }

    [Fact]
    public async Task Streams_read_backward_and_from_a_version_with_a_max_count()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        await AppendAsync(streamId, ExpectedVersion.NoStream, Items(5));

        Assert.Equal([5L, 4L, 3L, 2L, 1L], (await ReadAsync(streamId, StreamDirection.Backward)).Select(e => e.StreamVersion));
        Assert.Equal([3L, 2L], (await ReadAsync(streamId, StreamDirection.Backward, fromVersion: 3, maxCount: 2)).Select(e => e.StreamVersion));
        Assert.Equal([2L, 3L], (await ReadAsync(streamId, StreamDirection.Forward, fromVersion: 2, maxCount: 2)).Select(e => e.StreamVersion));
        Assert.Equal([4L, 5L], (await ReadAsync(streamId, fromVersion: 4)).Select(e => e.StreamVersion));
        Assert.Empty(await ReadAsync(streamId, fromVersion: 6));
    }

    [Fact]
    public async Task A_stream_that_does_not_exist_reads_empty_at_version_zero()
    {
        using var scope = Tenant(NewTenant());

        Assert.Empty(await ReadAsync(NewStreamId()));
        Assert.Equal(0, await Store.GetStreamVersionAsync(NewStreamId()));
    }

    [Fact]
    public async Task Appends_at_the_current_version_extend_the_stream()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());

        var first = await AppendAsync(streamId, ExpectedVersion.NoStream, Items(2));
        var second = await AppendAsync(streamId, ExpectedVersion.Exact(first.NextExpectedVersion), Items(1, "more"));
        var third = await AppendAsync(streamId, ExpectedVersion.StreamExists, Items(1, "again"));
        var fourth = await AppendAsync(streamId, ExpectedVersion.Any, Items(1, "any"));

        Assert.Equal([2L, 3L, 4L, 5L], new[] { first, second, third, fourth }.Select(r => r.NextExpectedVersion));
        Assert.True(first.LastPosition < second.LastPosition);
        Assert.Equal(5, (await ReadAsync(streamId)).Count);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_carrying_the_actual_version_and_writes_nothing()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        await AppendAsync(streamId, ExpectedVersion.NoStream, Items(3));

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(streamId, ExpectedVersion.Exact(2), Items(1, "late")));
        var noStream = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(streamId, ExpectedVersion.NoStream, Items(1, "late")));
        var missing = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(NewStreamId(), ExpectedVersion.StreamExists, Items(1)));

        Assert.Equal(3, stale.ActualVersion);
        Assert.Equal(streamId, stale.ResourceId);
        Assert.Equal("2", stale.Expected);
        Assert.Equal(3, noStream.ActualVersion);
        Assert.Equal(0, missing.ActualVersion);
        Assert.Equal(3, await Store.GetStreamVersionAsync(streamId));
        Assert.Equal(3, (await ReadAsync(streamId)).Count);
    }

    [Fact]
    public async Task Of_parallel_appends_at_the_same_version_exactly_one_wins()
    {
        var streamId = NewStreamId();
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        await AppendAsync(streamId, ExpectedVersion.NoStream, Items(1, "seed"));
        var batches = Enumerable.Range(0, Contenders).Select(i => Items(2, $"contender-{i}")).ToList();

        var attempts = batches.Select(batch => Task.Run(async () =>
        {
            try
            {
                await AppendAsync(streamId, ExpectedVersion.Exact(1), batch);
                return (Batch: batch, Conflict: (ConcurrencyConflictException?)null);
            }
            catch (ConcurrencyConflictException conflict)
            {
                return (Batch: batch, Conflict: conflict);
            }
        })).ToList();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o.Conflict is null);
        Assert.All(outcomes.Where(o => o.Conflict is not null), o => Assert.Equal(3, o.Conflict!.ActualVersion));
        var stored = await ReadAsync(streamId);
        Assert.Equal([1L, 2L, 3L], stored.Select(e => e.StreamVersion));
        Assert.Equal(winner.Batch.Select(e => e.EventId), stored.Skip(1).Select(e => e.EventId));
    }

    [Fact]
    public async Task Parallel_appends_expecting_any_version_all_succeed_with_contiguous_versions()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        var batches = Enumerable.Range(0, Contenders).Select(i => Items(2, $"writer-{i}")).ToList();

        var results = await Task.WhenAll(batches.Select(batch => Task.Run(() => AppendAsync(streamId, ExpectedVersion.Any, batch))));

        var stored = await ReadAsync(streamId);
        Assert.Equal(Enumerable.Range(1, Contenders * 2).Select(v => (long)v), stored.Select(e => e.StreamVersion));
        Assert.Equal(
            Enumerable.Range(1, Contenders).Select(i => (long)(i * 2)),
            results.Select(r => r.NextExpectedVersion).Order());
        foreach (var batch in batches)
        {
            var versions = batch.Select(e => stored.Single(s => s.EventId == e.EventId).StreamVersion).ToList();
            Assert.Equal(versions[0] + 1, versions[1]);
        }
    }

    [Fact]
    public async Task Retrying_an_append_with_the_same_events_at_the_same_positions_succeeds_without_duplicates()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        var events = Items(2);

        var first = await AppendAsync(streamId, ExpectedVersion.NoStream, events);
        var retry = await AppendAsync(streamId, ExpectedVersion.NoStream, events);
        await AppendAsync(streamId, ExpectedVersion.Exact(2), Items(1, "later"));
        var lateRetry = await AppendAsync(streamId, ExpectedVersion.NoStream, events);
        var anyRetry = await AppendAsync(streamId, ExpectedVersion.Any, events);

        Assert.Equal(first, retry);
        Assert.Equal(first, lateRetry);
        Assert.Equal(first, anyRetry);
        Assert.Equal(3, (await ReadAsync(streamId)).Count);
        Assert.Equal(3, await Store.GetStreamVersionAsync(streamId));
    }

    [Fact]
    public async Task Reusing_stored_event_ids_elsewhere_or_with_other_content_is_refused_as_duplicate()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        var original = ContractEvents.Added("original", 1);
        await AppendAsync(streamId, ExpectedVersion.NoStream, original);

        var otherPosition = await Assert.ThrowsAsync<InvalidAppendException>(() => AppendAsync(streamId, ExpectedVersion.Exact(1), original));
        var otherContent = await Assert.ThrowsAsync<InvalidAppendException>(
            () => AppendAsync(streamId, ExpectedVersion.NoStream, original with { Quantity = 99 }));
        var otherStream = await Assert.ThrowsAsync<InvalidAppendException>(() => AppendAsync(NewStreamId(), ExpectedVersion.NoStream, original));
        var partly = await Assert.ThrowsAsync<InvalidAppendException>(
            () => AppendAsync(streamId, ExpectedVersion.NoStream, original, ContractEvents.Added("new", 2)));

        Assert.All([otherPosition, otherContent, otherStream, partly], ex => Assert.Equal(InvalidAppendException.Codes.DuplicateEvent, ex.Code));
        var stored = Assert.Single(await ReadAsync(streamId));
        Assert.Equal(original, stored.Data);
    }

    [Fact]
    public async Task The_same_stream_id_in_two_tenants_names_two_streams()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        var streamId = NewStreamId("shared");
        using (Tenant(tenantA))
        {
            await AppendAsync(streamId, ExpectedVersion.NoStream, Items(3, "a"));
        }

        using (Tenant(tenantB))
        {
            Assert.Empty(await ReadAsync(streamId));
            Assert.Equal(0, await Store.GetStreamVersionAsync(streamId));
            var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(streamId, ExpectedVersion.Exact(3), Items(1, "b")));
            Assert.Equal(0, conflict.ActualVersion);
            await AppendAsync(streamId, ExpectedVersion.NoStream, Items(1, "b"));
            var onlyB = Assert.Single(await ReadAsync(streamId));
            Assert.Equal(tenantB, onlyB.TenantId);
        }

        using (Tenant(tenantA))
        {
            var stored = await ReadAsync(streamId);
            Assert.Equal(3, stored.Count);
            Assert.All(stored, e => Assert.Equal(tenantA, e.TenantId));
            Assert.Equal(3, await Store.GetStreamVersionAsync(streamId));
        }
    }

    [Fact]
    public async Task Work_without_a_tenant_fails_closed()
    {
        var streamId = NewStreamId();

        await Assert.ThrowsAsync<TenantRequiredException>(() => AppendAsync(streamId, ExpectedVersion.Any, Items(1)));
        await Assert.ThrowsAsync<TenantRequiredException>(() => ReadAsync(streamId));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Store.GetStreamVersionAsync(streamId));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Store.ReadAllAsync(LogPosition.Start, 10));
        using (SystemScope())
        {
            await Assert.ThrowsAsync<TenantRequiredException>(() => AppendAsync(streamId, ExpectedVersion.Any, Items(1)));
        }
    }

    [Fact]
    public async Task Reading_all_returns_the_tenants_own_events_and_everything_in_the_system_scope()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        var streamId = NewStreamId("shared");
        using (Tenant(tenantA))
        {
            await AppendAsync(streamId, ExpectedVersion.NoStream, Items(2, "a"));
        }

        using (Tenant(tenantB))
        {
            await AppendAsync(streamId, ExpectedVersion.NoStream, Items(3, "b"));
            var seenByB = await ReadAllAsync();
            Assert.Equal(3, seenByB.Count);
            Assert.All(seenByB, e => Assert.Equal(tenantB, e.TenantId));
        }

        using (SystemScope())
        {
            var all = (await ReadAllAsync()).Where(e => e.TenantId == tenantA || e.TenantId == tenantB).ToList();
            Assert.Equal(2, all.Count(e => e.TenantId == tenantA));
            Assert.Equal(3, all.Count(e => e.TenantId == tenantB));
        }
    }

    [Fact]
    public async Task Reading_all_page_by_page_yields_every_event_exactly_once_in_log_order()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        var appended = new List<Guid>();
        for (var stream = 0; stream < 5; stream++)
        {
            var streamId = NewStreamId();
            for (var batch = 0; batch < 3; batch++)
            {
                var events = Items(batch + 1, $"s{stream}-b{batch}");
                await AppendAsync(streamId, ExpectedVersion.Any, events);
                appended.AddRange(events.Select(e => e.EventId));
            }
        }

        var read = await ReadAllAsync(pageSize: 4);

        Assert.Equal(appended, read.Select(e => e.EventId));
        Assert.Equal(read.Select(e => e.LogPosition).Order(), read.Select(e => e.LogPosition));
        Assert.Equal(read.Count, read.Select(e => e.LogPosition).Distinct().Count());
        var lastPage = await Store.ReadAllAsync(read[^1].LogPosition, 4);
        Assert.Empty(lastPage.Events);
    }

    [Fact]
    public async Task A_rolled_back_append_or_a_concurrency_loser_does_not_stall_reading_all()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);
        var first = Items(1, "first");
        await AppendAsync(streamId, ExpectedVersion.NoStream, first);
        await using (var unitOfWork = await UnitOfWork.BeginAsync())
        {
            await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, Items(2, "rolled-back"));
        }

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(streamId, ExpectedVersion.NoStream, Items(1, "loser")));
        var second = Items(1, "second");
        await AppendAsync(streamId, ExpectedVersion.Exact(1), second);

        var page = await Store.ReadAllAsync(LogPosition.Start, 10);
        Assert.Equal(first.Concat(second).Select(e => e.EventId), page.Events.Select(e => e.EventId));
        Assert.Equal(page.Events[^1].LogPosition, page.Next);

        var third = Items(1, "third");
        await AppendAsync(streamId, ExpectedVersion.Exact(2), third);
        var nextPage = await Store.ReadAllAsync(page.Next, 10);
        Assert.Equal(third.Select(e => e.EventId), nextPage.Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task An_event_type_this_process_does_not_know_fails_a_stream_read_naming_the_type()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        await AppendAsync(streamId, ExpectedVersion.NoStream, Items(1));
        var reader = Harness.CreateEventStore(ContractEvents.SerializerKnowingNothing(), Options);

        var onStream = await Assert.ThrowsAsync<UnknownEventTypeException>(() => ReadAsync(reader, streamId));

        Assert.Equal("contract.item-added", onStream.EventType);
    }

    [Fact]
    public async Task Reading_all_hands_over_an_unknown_event_type_unrecognized_and_moves_past_it()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);
        var first = ContractEvents.Added("first");
        var unknown = new ItemRemoved("written-by-a-newer-version");
        var last = ContractEvents.Added("last");
        await AppendAsync(streamId, ExpectedVersion.NoStream, [first]);
        await AppendAsync(streamId, ExpectedVersion.Exact(1), [unknown]);
        await AppendAsync(streamId, ExpectedVersion.Exact(2), [last]);
        var reader = Harness.CreateEventStore(ContractEvents.SerializerKnowingOnly<ItemAdded>(), Options);

        var whole = await reader.ReadAllAsync(LogPosition.Start, 10);
        var upToUnknown = await reader.ReadAllAsync(LogPosition.Start, 2);
        var rest = await reader.ReadAllAsync(upToUnknown.Next, 10);

        Assert.Equal([first.EventId, last.EventId], whole.Events.Select(e => e.EventId));
        var skipped = Assert.Single(whole.Unrecognized);
        Assert.Equal(
            (unknown.EventId, "contract.item-removed", tenant, streamId, 2L),
            (skipped.EventId, skipped.EventType, skipped.TenantId, skipped.StreamId, skipped.StreamVersion));
        Assert.Contains("written-by-a-newer-version", skipped.Json, StringComparison.Ordinal);
        Assert.True(whole.Events[0].LogPosition < skipped.LogPosition && skipped.LogPosition < whole.Events[1].LogPosition);
        Assert.Equal(whole.Events[1].LogPosition, whole.Next);

        Assert.Equal((1, 1), (upToUnknown.Events.Count, upToUnknown.Unrecognized.Count));
        Assert.Equal(skipped.LogPosition, upToUnknown.Next);
        Assert.Equal([last.EventId], rest.Events.Select(e => e.EventId));
        Assert.Empty(rest.Unrecognized);

        var onStream = await Assert.ThrowsAsync<UnknownEventTypeException>(() => ReadAsync(reader, streamId));
        Assert.Equal("contract.item-removed", onStream.EventType);
    }

    [Fact]
    public async Task Counting_all_counts_what_reading_all_returns_in_the_same_scope()
    {
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        using (Tenant(tenantA))
        {
            await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, Items(3));
        }

        using (Tenant(tenantB))
        {
            await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, Items(2));
            await using (await UnitOfWork.BeginAsync())
            {
                await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, Items(4, "rolled-back"));
            }
        }

        using (Tenant(tenantA))
        {
            Assert.Equal(3, await Store.CountAllAsync());
        }

        using (Tenant(tenantB))
        {
            Assert.Equal(2, await Store.CountAllAsync());
            Assert.Equal((await ReadAllAsync()).Count, await Store.CountAllAsync());
        }
    }

    [Fact]
    public async Task Old_schema_versions_are_upcast_through_the_whole_chain_on_read()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        var writer = Harness.CreateEventStore(ContractEvents.PriceSerializerV1(), Options);
        var old = new PriceSetV1(12.5m);
        await writer.AppendAsync(streamId, "price", ExpectedVersion.NoStream, [old]);
        var reader = Harness.CreateEventStore(ContractEvents.PriceSerializerV3(new PriceSetAddSource(), new PriceSetAddCurrency()), Options);

        var stored = Assert.Single(await ReadAsync(reader, streamId));

        Assert.Equal(1, stored.SchemaVersion);
        Assert.Equal(new PriceSetV3(12.5m, "EUR", "manual") { EventId = old.EventId }, stored.Data);
    }

    [Fact]
    public async Task A_failing_upcaster_surfaces_as_an_upcast_error()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        var writer = Harness.CreateEventStore(ContractEvents.PriceSerializerV1(), Options);
        await writer.AppendAsync(streamId, "price", ExpectedVersion.NoStream, [new PriceSetV1(1m)]);
        var reader = Harness.CreateEventStore(ContractEvents.PriceSerializerV3(new BrokenUpcaster(), new PriceSetAddSource()), Options);

        var error = await Assert.ThrowsAsync<EventUpcastException>(() => ReadAsync(reader, streamId));

        Assert.Equal(ContractEvents.PriceSetName, error.EventType);
        Assert.Equal(1, error.FromSchemaVersion);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public async Task Reading_all_hands_over_an_event_it_cannot_read_unreadable_and_moves_past_it()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);
        var older = Harness.CreateEventStore(ContractEvents.PriceSerializerV1(), Options);
        var newer = Harness.CreateEventStore(ContractEvents.PriceSerializerV3(new PriceSetAddSource(), new PriceSetAddCurrency()), Options);
        var first = new PriceSetV1(1m);
        var fromANewerVersion = new PriceSetV3(2m, "USD", "feed");
        var last = new PriceSetV1(3m);
        await older.AppendAsync(streamId, "price", ExpectedVersion.NoStream, [first]);
        await newer.AppendAsync(streamId, "price", ExpectedVersion.Exact(1), [fromANewerVersion]);
        await older.AppendAsync(streamId, "price", ExpectedVersion.Exact(2), [last]);

        var whole = await older.ReadAllAsync(LogPosition.Start, 10);
        var upToIt = await older.ReadAllAsync(LogPosition.Start, 2);
        var withABrokenUpcaster = await Harness
            .CreateEventStore(ContractEvents.PriceSerializerV3(new BrokenUpcaster(), new PriceSetAddSource()), Options)
            .ReadAllAsync(LogPosition.Start, 10);

        Assert.Equal([first.EventId, last.EventId], whole.Events.Select(e => e.EventId));
        var unreadable = Assert.Single(whole.Unreadable);
        Assert.Equal(
            (fromANewerVersion.EventId, ContractEvents.PriceSetName, 3, typeof(PriceSetV1), tenant, streamId, 2L),
            (unreadable.EventId, unreadable.EventType, unreadable.SchemaVersion, unreadable.DataType, unreadable.TenantId, unreadable.StreamId, unreadable.StreamVersion));
        Assert.Contains("newer", unreadable.Error, StringComparison.Ordinal);
        Assert.True(whole.Events[0].LogPosition < unreadable.LogPosition && unreadable.LogPosition < whole.Events[1].LogPosition);
        Assert.Equal((whole.Events[1].LogPosition, 3), (whole.Next, whole.Count));
        Assert.Equal((unreadable.LogPosition, 2), (upToIt.Next, upToIt.Count));

        Assert.Equal([fromANewerVersion.EventId], withABrokenUpcaster.Events.Select(e => e.EventId));
        Assert.Equal([first.EventId, last.EventId], withABrokenUpcaster.Unreadable.Select(e => e.EventId));
        Assert.All(withABrokenUpcaster.Unreadable, u => Assert.Contains("amount is not a number", u.Error, StringComparison.Ordinal));

        var onStream = await Assert.ThrowsAsync<UnreadableEventException>(() => ReadAsync(older, streamId));
        Assert.Equal((ContractEvents.PriceSetName, 3), (onStream.EventType, onStream.SchemaVersion));
    }

    public static TheoryData<string, string> BadAppends() => new()
    {
        { "empty stream id", InvalidAppendException.Codes.StreamId },
        { "blank stream id", InvalidAppendException.Codes.StreamId },
        { "over-long stream id", InvalidAppendException.Codes.StreamId },
        { "empty stream type", InvalidAppendException.Codes.StreamType },
        { "no events", InvalidAppendException.Codes.NoEvents },
        { "payload too large", InvalidAppendException.Codes.PayloadTooLarge },
        { "not serializable", InvalidAppendException.Codes.NotSerializable },
        { "unregistered type", InvalidAppendException.Codes.NotSerializable },
        { "same event twice", InvalidAppendException.Codes.DuplicateEvent },
    };

    [Theory]
    [MemberData(nameof(BadAppends))]
    public async Task Bad_input_is_refused_with_a_stable_code_and_nothing_is_written(string badInput, string code)
    {
        using var scope = Tenant(NewTenant());
        var valid = ContractEvents.Added();
        var (streamId, streamType, events) = badInput switch
        {
            "empty stream id" => ("", "contract-stream", new DomainEvent[] { valid }),
            "blank stream id" => ("   ", "contract-stream", [valid]),
            "over-long stream id" => (new string('s', StreamIdRules.MaxLength + 1), "contract-stream", [valid]),
            "empty stream type" => (NewStreamId(), "", [valid]),
            "no events" => (NewStreamId(), "contract-stream", []),
            "payload too large" => (NewStreamId(), "contract-stream", [valid, ContractEvents.Added(new string('x', Options.MaxEventPayloadBytes))]),
            "not serializable" => (NewStreamId(), "contract-stream", [valid, new NotSerializable(typeof(string))]),
            "unregistered type" => (NewStreamId(), "contract-stream", [new NeverRegistered("?")]),
            "same event twice" => (NewStreamId(), "contract-stream", [valid, valid]),
            _ => throw new ArgumentOutOfRangeException(nameof(badInput), badInput, "Unknown case."),
        };

        var error = await Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync(streamId, streamType, ExpectedVersion.Any, events));

        Assert.Equal(code, error.Code);
        Assert.Empty(await ReadAllAsync());
    }

    [Fact]
    public async Task Appending_to_a_stream_under_another_stream_type_is_refused()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        await Store.AppendAsync(streamId, "order", ExpectedVersion.NoStream, Items(1));

        var error = await Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync(streamId, "invoice", ExpectedVersion.Any, Items(1, "other")));

        Assert.Equal(InvalidAppendException.Codes.StreamTypeMismatch, error.Code);
        Assert.Equal(1, await Store.GetStreamVersionAsync(streamId));
    }
}
