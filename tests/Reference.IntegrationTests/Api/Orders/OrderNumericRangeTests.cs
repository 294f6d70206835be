using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// Every number an order command takes has a documented range (docs/api.md, "Numeric ranges"), and the order's
/// money arithmetic is checked: an input outside it is a problem answered before anything is stored, so no event
/// in the log can overflow the aggregate, the projection or a rebuild later.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrderNumericRangeTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private const string DecimalMax = "79228162514264337593543950335";

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(DecimalMax)]
    [InlineData("1000000000.01")]
    [InlineData("12.34567")]
    public async Task A_unit_price_outside_its_range_is_refused_and_nothing_is_written(string unitPrice)
    {
        var response = await PostOrderAsync($$"""{"sku":"BIG-1","quantity":2,"unitPrice":{{unitPrice}}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.unit_price_out_of_range", problem.GetProperty("code").GetString());
        Assert.Contains("BIG-1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("events"));
        Assert.Equal(0, await CountAsync("outbox"));
    }

    [Theory]
    [InlineData("""{"sku":"Q-1","quantity":99999999999,"unitPrice":1}""", "quantity")]
    [InlineData("""{"sku":"Q-1","quantity":1.5,"unitPrice":1}""", "quantity")]
    [InlineData("""{"sku":"P-1","quantity":1,"unitPrice":1e400}""", "unitPrice")]
    [InlineData("""{"sku":"P-1","quantity":1,"unitPrice":792281625142643375935439503351}""", "unitPrice")]
    public async Task A_number_its_type_cannot_hold_is_a_400_and_nothing_is_written(string line, string field)
    {
        var response = await PostOrderAsync(line);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.Contains(field, problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await CountAsync("events"));
    }

    [Fact]
    public async Task The_largest_allowed_line_is_placed_confirmed_and_projected_exactly()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("MAX-1", 1000, 1_000_000_000m));

        var confirmed = await ConfirmAsync(client, placed.Id);

        var version = await confirmed.ReadAsAsync<VersionBody>();
        var order = await GetAsync(client, placed.Id, version.Version);
        Assert.Equal("Confirmed", order.Status);
        Assert.Equal(1_000_000_000_000m, order.Total);
        Assert.Equal(1_000_000_000_000m, Assert.Single(order.Lines).Total);
    }

    [Fact]
    public async Task An_order_total_over_the_maximum_is_refused_when_placed()
    {
        var response = await app.Sales().PostAsJsonAsync("/api/orders", NewOrder(("MAX-1", 1000, 1_000_000_000m), ("MAX-2", 1, 0.01m)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.total_out_of_range", problem.GetProperty("code").GetString());
        Assert.Equal(0, await CountAsync("events"));
    }

    [Fact]
    public async Task A_line_that_would_take_the_total_over_the_maximum_is_refused_and_the_order_stays_as_it_was()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("MAX-1", 1000, 1_000_000_000m));

        var response = await AddLineAsync(client, placed.Id, "ONE-MORE", 1, 0.01m);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.total_out_of_range", problem.GetProperty("code").GetString());
        Assert.Equal(1, await CountAsync("events"));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(client, placed.Id, ifMatch: "\"1\"")).StatusCode);
    }

    [Fact]
    public async Task An_order_takes_at_most_one_hundred_lines_however_they_arrive()
    {
        var client = app.Sales();
        var lines = Enumerable.Range(1, 100).Select(i => ($"SKU-{i}", 1, 1m)).ToArray();
        var placed = await PlaceAsync(client, lines);

        var response = await AddLineAsync(client, placed.Id, "SKU-101");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.too_many_lines", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("\"9223372036854775807\"")]
    public async Task An_if_match_version_anywhere_in_its_range_is_a_precondition_not_an_error(string ifMatch)
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var response = await ConfirmAsync(client, placed.Id, ifMatch);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
    }

    [Fact]
    public async Task An_if_match_version_past_its_range_is_a_400()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var response = await ConfirmAsync(client, placed.Id, "\"9223372036854775808\"");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_min_version_outside_its_range_is_a_400(string minVersion)
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{placed.Id}");
        request.Headers.Add(MinVersionHeader, minVersion);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostOrderAsync(string line) =>
        app.Sales().PostAsync("/api/orders", new StringContent(
            $$"""{"customerId":"{{Guid.NewGuid()}}","currency":"EUR","lines":[{{line}}]}""", Encoding.UTF8, "application/json"));

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
