using Reference.SharedKernel.Application;

namespace Reference.UnitTests.Application;

public sealed class ResultTests
{
    [Fact]
    public void A_success_carries_its_value_and_no_error()
    {
        Result<int> result = 42;

        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal(42, result.Value);
        Assert.Equal("42", result.Match(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), e => e.Code));
    }

    [Fact]
    public void A_failure_carries_its_error_and_reading_its_value_is_a_programming_error()
    {
        Result<int> result = Error.NotFound("order", "17");

        Assert.False(result.IsSuccess);
        Assert.Equal(("order.not_found", ErrorKind.NotFound), (result.Error!.Code, result.Error.Kind));
        Assert.Contains("'17'", result.Error.Message, StringComparison.Ordinal);
        var misuse = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("order.not_found", misuse.Message, StringComparison.Ordinal);
        Assert.Equal("order.not_found", result.Match(_ => "value", e => e.Code));
    }

    [Fact]
    public void A_result_without_value_succeeds_or_fails_the_same_way()
    {
        Result failure = Error.Conflict("order.already_shipped", "The order has shipped.");

        Assert.True(Result.Success().IsSuccess);
        Assert.False(failure.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, failure.Error!.Kind);
        Assert.Throws<ArgumentNullException>(() => Result.Failure(null!));
        Assert.Throws<ArgumentNullException>(() => Result<int>.Failure(null!));
    }

    [Fact]
    public void Error_factories_set_the_kind_the_web_layer_maps()
    {
        Assert.Equal(ErrorKind.Forbidden, Error.Forbidden("orders.forbidden", "No.").Kind);
        Assert.Equal(ErrorKind.RuleViolated, Error.RuleViolated("orders.limit", "Too many.").Kind);

        var validation = Error.Validation(new Dictionary<string, string[]> { ["quantity"] = ["Must be positive."] });

        Assert.Equal(("validation.failed", ErrorKind.Validation), (validation.Code, validation.Kind));
        Assert.Equal(["Must be positive."], validation.Fields["quantity"]);
        Assert.Empty(Error.Conflict("c", "m").Fields);
    }
}
