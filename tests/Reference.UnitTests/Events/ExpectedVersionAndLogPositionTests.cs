using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Events;

public sealed class ExpectedVersionAndLogPositionTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    public void Expectations_are_satisfied_by_the_right_stream_versions(long actual)
    {
        var exists = actual > 0;

        Assert.True(ExpectedVersion.Any.IsSatisfiedBy(actual));
        Assert.Equal(exists, ExpectedVersion.StreamExists.IsSatisfiedBy(actual));
        Assert.Equal(!exists, ExpectedVersion.NoStream.IsSatisfiedBy(actual));
        Assert.True(ExpectedVersion.Exact(actual).IsSatisfiedBy(actual));
        Assert.False(ExpectedVersion.Exact(actual + 1).IsSatisfiedBy(actual));
    }

    [Fact]
    public void Expected_versions_name_themselves_and_report_their_kind()
    {
        Assert.Equal(["any", "stream-exists", "no-stream", "7"], new[] { ExpectedVersion.Any, ExpectedVersion.StreamExists, ExpectedVersion.NoStream, ExpectedVersion.Exact(7) }.Select(v => v.ToString()));
        Assert.True(ExpectedVersion.Any.IsAny);
        Assert.True(ExpectedVersion.StreamExists.IsStreamExists);
        Assert.True(ExpectedVersion.NoStream.IsExact);
        Assert.False(ExpectedVersion.Any.IsExact);
        Assert.Equal(ExpectedVersion.NoStream, ExpectedVersion.Exact(0));
    }

    [Fact]
    public void A_negative_exact_version_is_an_invalid_append()
    {
        var error = Assert.Throws<InvalidAppendException>(() => ExpectedVersion.Exact(-5));

        Assert.Equal(InvalidAppendException.Codes.ExpectedVersion, error.Code);
    }

    [Fact]
    public void Log_positions_order_by_transaction_then_position()
    {
        var lateCommitOfEarlySequence = new LogPosition(TransactionId: 20, Position: 101);
        var earlyCommit = new LogPosition(TransactionId: 10, Position: 102);

        Assert.True(earlyCommit < lateCommitOfEarlySequence);
        Assert.True(lateCommitOfEarlySequence > earlyCommit);
        Assert.True(new LogPosition(10, 1) < new LogPosition(10, 2));
        Assert.True(new LogPosition(10, 2) <= new LogPosition(10, 2));
        Assert.True(new LogPosition(10, 2) >= new LogPosition(10, 2));
        Assert.True(LogPosition.Start < new LogPosition(0, 1));
        Assert.Equal(
            [LogPosition.Start, new LogPosition(1, 5), new LogPosition(2, 3), new LogPosition(2, 4)],
            new[] { new LogPosition(2, 4), new LogPosition(1, 5), LogPosition.Start, new LogPosition(2, 3) }.Order());
    }
}
