using System.Net;
using System.Net.Http.Json;
using System.Text;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Errors;

/// <summary>Every error status of the API, each with its stable problem type.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemDetailsTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Invalid_fields_give_400_validation_failed_listing_every_field()
    {
        var response = await app.Sales().PostAsJsonAsync("/api/orders", new
        {
            customerId = Guid.Empty,
            currency = "euro",
            lines = new[] { new { sku = "", quantity = 1, unitPrice = 1m } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "customerId", "currency", "lines[0].sku" }, fields);
    }

    [Fact]
    public async Task Malformed_json_gives_400_malformed_request()
    {
        var content = new StringContent("{ \"customerId\": ", Encoding.UTF8, "application/json");

        var response = await app.Sales().PostAsync("/api/orders", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
    }

    [Fact]
    public async Task A_route_id_that_is_not_a_guid_gives_400_validation_failed()
    {
        var response = await app.Sales().GetAsync("/api/orders/not-a-guid");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
    }

    [Fact]
    public async Task No_token_gives_401_unauthenticated()
    {
        var response = await app.Anonymous().GetAsync($"/api/orders/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthenticated);
    }

    [Fact]
    public async Task A_token_from_an_unknown_issuer_gives_401()
    {
        var client = app.WithToken(TestTokens.Create("mallory", ReferenceApiFactory.Acme, ["admin"], issuer: "someone-else"));

        var response = await client.GetAsync($"/api/orders/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthenticated);
    }

    [Fact]
    public async Task Missing_permission_gives_403_forbidden()
    {
        var response = await app.Viewer().PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 1, 1m)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal("authorization.denied", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_order_gives_404_not_found()
    {
        var response = await app.Sales().GetAsync($"/api/orders/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Unknown_route_gives_404_not_found()
    {
        var response = await app.Sales().GetAsync("/api/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Stale_if_match_gives_412_with_the_current_version()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        (await AddLineAsync(client, placed.Id, "SKU-2")).EnsureSuccessStatusCode();

        var response = await ConfirmAsync(client, placed.Id, ifMatch: "\"1\"");

        var problem = await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task An_if_match_that_is_not_an_entity_tag_gives_400()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var response = await ConfirmAsync(client, placed.Id, ifMatch: "yesterday");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
    }

    [Fact]
    public async Task A_body_over_the_limit_gives_413_payload_too_large()
    {
        var huge = new string('x', 1024 * 1024 + 1);
        var content = new StringContent($"{{\"name\":\"{huge}\",\"email\":\"a@b.c\"}}", Encoding.UTF8, "application/json");

        var response = await app.Sales().PostAsync("/api/customers", content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gives_415_unsupported_media_type()
    {
        var content = new StringContent("customerId=1", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await app.Sales().PostAsync("/api/orders", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
    }

    [Fact]
    public async Task Confirming_an_order_without_lines_gives_422_with_the_rule_code()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("ONLY-1", 1, 1m));
        (await client.DeleteAsync($"/api/orders/{placed.Id}/lines/ONLY-1")).EnsureSuccessStatusCode();

        var response = await ConfirmAsync(client, placed.Id);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.no_lines", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(0, "order.quantity_out_of_range")]
    [InlineData(1001, "order.quantity_out_of_range")]
    public async Task Quantity_outside_1_to_1000_gives_422(int quantity, string code)
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var response = await AddLineAsync(client, placed.Id, "SKU-Q", quantity);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_negative_price_gives_422()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var response = await AddLineAsync(client, placed.Id, "SKU-N", 1, -1m);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.negative_price", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_second_currency_gives_422()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var response = await AddLineAsync(client, placed.Id, "SKU-USD", currency: "USD");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.currency_mismatch", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Changing_a_confirmed_order_gives_422_but_cancelling_it_works()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        (await ConfirmAsync(client, placed.Id)).EnsureSuccessStatusCode();

        var add = await AddLineAsync(client, placed.Id, "LATE-1");
        var cancel = await client.PostAsJsonAsync($"/api/orders/{placed.Id}/cancel", new { reason = "late" });

        var problem = await add.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.already_confirmed", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
    }

    [Fact]
    public async Task Changing_a_cancelled_order_gives_422()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        (await client.PostAsJsonAsync($"/api/orders/{placed.Id}/cancel", new { reason = "test" })).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync($"/api/orders/{placed.Id}/cancel", new { reason = "again" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("order.already_cancelled", problem.GetProperty("code").GetString());
    }
}
