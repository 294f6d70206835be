using Reference.SharedKernel.Domain;
using Reference.UnitTests.Events;

namespace Reference.UnitTests.Domain;

public sealed class AggregateTests
{
    [Fact]
    public void Emitting_applies_the_event_and_keeps_it_pending_until_persisted()
    {
        var tally = new Tally(Guid.NewGuid());

        tally.Add(2);
        tally.Add(3);

        Assert.Equal((5, 2), (tally.Total, tally.Increments));
        Assert.Equal([new TallyIncremented(2) { EventId = tally.PendingEvents[0].EventId }, new TallyIncremented(3) { EventId = tally.PendingEvents[1].EventId }], tally.PendingEvents);
        Assert.Equal(0, tally.Version);

        tally.MarkPersisted(2);

        Assert.Empty(tally.PendingEvents);
        Assert.Equal(2, tally.Version);
    }

    [Fact]
    public void A_rejected_command_emits_nothing_and_changes_nothing()
    {
        var tally = new Tally(Guid.NewGuid());

        var error = Assert.Throws<BusinessRuleViolationException>(() => tally.Add(0));

        Assert.Equal("tally.non_positive", error.Code);
        Assert.Empty(tally.PendingEvents);
        Assert.Equal(0, tally.Total);
    }

    [Fact]
    public void Rehydrating_replays_history_without_pending_events_and_sets_the_version()
    {
        var tally = new Tally(Guid.NewGuid());

        tally.Rehydrate([new TallyIncremented(4), new TallyIncremented(6)]);

        Assert.Equal((10, 2L), (tally.Total, tally.Version));
        Assert.Empty(tally.PendingEvents);
    }

    [Fact]
    public void Rehydrating_after_a_snapshot_counts_versions_from_the_snapshot()
    {
        var tally = new Tally(Guid.NewGuid());

        tally.Rehydrate([new TallyIncremented(1)], fromVersion: 10);

        Assert.Equal(11, tally.Version);
    }

    [Fact]
    public void Each_raised_event_gets_its_own_time_based_id()
    {
        var first = new TallyIncremented(1);
        var second = new TallyIncremented(1);

        Assert.NotEqual(first.EventId, second.EventId);
        Assert.NotEqual(first, second);
        Assert.Equal(7, first.EventId.Version);
    }

    [Fact]
    public void Entities_are_equal_by_type_and_id()
    {
        var id = Guid.NewGuid();

        Assert.Equal(new Tally(id), new Tally(id));
        Assert.Equal(new Tally(id).GetHashCode(), new Tally(id).GetHashCode());
        Assert.NotEqual(new Tally(id), new Tally(Guid.NewGuid()));
        Assert.False(new Tally(id).Equals(new OtherAggregate(id)));
    }

    private sealed class OtherAggregate(Guid id) : AggregateRoot<Guid>(id);
}
