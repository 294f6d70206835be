using Reference.SharedKernel.Filtering;

namespace Reference.UnitTests.Filtering;

/// <summary>
/// A value the field's type cannot hold is an <c>invalid_value</c> at the value's position, whichever operator
/// carries it and whoever converts it (the built-in conversions or a field's own converter).
/// </summary>
public sealed class FilterValueRangeTests
{
    private sealed record Reading(
        string Id, string TenantId, DateTimeOffset At, DateTime Day, double Ratio, float Weight, decimal Amount, long Count, string Code);

    private static readonly FieldMap<Reading> Map = FieldMap.For<Reading>()
        .Key(r => r.Id)
        .Tenant(r => r.TenantId)
        .Field("at", r => r.At, f => f.Sortable())
        .Field("day", r => r.Day)
        .Field("ratio", r => r.Ratio)
        .Field("weight", r => r.Weight)
        .Field("amount", r => r.Amount)
        .Field("count", r => r.Count)
        .Field("code", r => r.Code, f => f.ConvertWith(text => text.Length > 3
            ? throw new InvalidOperationException("codes have three letters")
            : text.ToUpperInvariant()))
        .Build();

    [Theory]
    [InlineData("at>9999-12-31", "at", 3)]
    [InlineData("at<=9999-12-31", "at", 4)]
    [InlineData("at=9999-12-31", "at", 3)]
    [InlineData("at!=9999-12-31", "at", 4)]
    [InlineData("at=[2024-01-01;9999-12-31]", "at", 15)]
    [InlineData("at:between:2024-01-01;9999-12-31", "at", 22)]
    [InlineData("day>9999-12-31", "day", 4)]
    [InlineData("at>9999-12-31T23:00:00-05:00", "at", 3)]
    [InlineData("at<0001-01-01T00:00:00+01:00", "at", 3)]
    [InlineData("at>10000-01-01", "at", 3)]
    [InlineData("amount>79228162514264337593543950336", "amount", 7)]
    [InlineData("count<-9223372036854775809", "count", 6)]
    [InlineData("ratio>1e400", "ratio", 6)]
    [InlineData("ratio<-1e400", "ratio", 6)]
    [InlineData("ratio=NaN", "ratio", 6)]
    [InlineData("ratio>Infinity", "ratio", 6)]
    [InlineData("weight>1e39", "weight", 7)]
    [InlineData("code=ABCD", "code", 5)]
    [InlineData("code=[AB;ABCD]", "code", 9)]
    public void A_value_the_type_cannot_hold_is_an_invalid_value_at_its_position(string filter, string field, int position)
    {
        var error = Assert.Throws<FilterException>(() => Map.ToPredicate(filter));

        Assert.Equal((FilterErrorCodes.InvalidValue, field, position), (error.Code, error.Field, error.Position));
    }

    [Theory]
    [InlineData("at<9999-12-31")]
    [InlineData("at>=9999-12-31")]
    [InlineData("at>=0001-01-01")]
    [InlineData("at>9999-12-31T23:59:59.9999999Z")]
    [InlineData("amount<=79228162514264337593543950335")]
    [InlineData("ratio>1.7976931348623157e308")]
    [InlineData("count>=-9223372036854775808")]
    [InlineData("code=abc")]
    public void The_extremes_the_type_can_hold_are_accepted(string filter) =>
        Assert.NotNull(Map.ToPredicate(filter));

    [Fact]
    public void The_last_day_compares_up_to_its_end_when_the_bound_stays_in_range()
    {
        var predicate = Map.ToPredicate("at>=9999-12-31")!.Compile();
        var last = new DateTimeOffset(9999, 12, 31, 12, 0, 0, TimeSpan.Zero);

        Assert.True(predicate(Sample(last)));
        Assert.False(predicate(Sample(last.AddDays(-1))));
    }

    private static Reading Sample(DateTimeOffset at) =>
        new("r-1", "t", at, at.UtcDateTime, 0.5, 1f, 1m, 1, "ABC");
}
