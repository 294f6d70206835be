using System.Text.Json;
using Reference.SharedKernel.Application;

namespace Reference.UnitTests.Application;

public sealed class SuccessfulResultJsonConverterTests
{
    private sealed record Line(string Sku, decimal Price);

    [Fact]
    public void A_successful_result_round_trips_as_an_object_with_its_value()
    {
        Result<IReadOnlyList<Line>> result = new List<Line> { new("A-1", 1.50m), new("B-2", 0m) };

        var json = JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
        var read = JsonSerializer.Deserialize<Result<IReadOnlyList<Line>>>(json, JsonSerializerOptions.Web)!;

        Assert.Equal("""{"value":[{"sku":"A-1","price":1.50},{"sku":"B-2","price":0}]}""", json);
        Assert.True(read.IsSuccess);
        Assert.Equal(result.Value, read.Value);
    }

    [Fact]
    public void A_failed_result_is_refused_rather_than_serialized()
    {
        Result<int> failure = Error.NotFound("order", "17");

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(failure, JsonSerializerOptions.Web));

        Assert.Contains("order.not_found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_without_a_value_property_is_not_read_as_a_result()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Result<int>>("""{"error":"x"}""", JsonSerializerOptions.Web));
    }
}
