using Microsoft.Extensions.Time.Testing;
using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Events;

public sealed class SnapshotStrategyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static SnapshotContext After(long previous, long current, DateTimeOffset? oldest = null)
    {
        var tally = new Tally(Guid.NewGuid());
        tally.Rehydrate([], current);
        return new SnapshotContext(tally, previous, 0, oldest);
    }

    [Theory]
    [InlineData(1, 2, false)]
    [InlineData(2, 3, true)]
    [InlineData(1, 7, true)]
    [InlineData(3, 5, false)]
    public void Every_n_events_snapshots_when_a_save_crosses_a_multiple(long previous, long current, bool expected) =>
        Assert.Equal(expected, new SnapshotEveryNEvents(3).ShouldTakeSnapshot(After(previous, current)));

    [Fact]
    public void By_age_snapshots_only_once_the_oldest_uncovered_event_is_old_enough()
    {
        var strategy = new SnapshotByAge(TimeSpan.FromHours(1), new FakeTimeProvider(Now));

        Assert.False(strategy.ShouldTakeSnapshot(After(1, 2)));
        Assert.False(strategy.ShouldTakeSnapshot(After(1, 2, Now.AddMinutes(-59))));
        Assert.True(strategy.ShouldTakeSnapshot(After(1, 2, Now.AddHours(-1))));
    }

    [Fact]
    public void When_any_snapshots_if_one_strategy_says_so_and_bad_settings_are_refused()
    {
        var strategy = new SnapshotWhenAny(NeverSnapshot.Instance, new SnapshotEveryNEvents(10));

        Assert.False(strategy.ShouldTakeSnapshot(After(1, 2)));
        Assert.True(strategy.ShouldTakeSnapshot(After(9, 10)));
        Assert.Throws<ArgumentException>(() => new SnapshotWhenAny());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnapshotByAge(TimeSpan.Zero, TimeProvider.System));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnapshotEveryNEvents(0));
    }
}
