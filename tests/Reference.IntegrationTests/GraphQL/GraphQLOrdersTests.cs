using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.GraphQL.GraphQLClient;

namespace Reference.IntegrationTests.GraphQL;

/// <summary>The order and customer fields of <c>POST /graphql</c>, over real HTTP on PostgreSQL.</summary>
[Collection(GraphQLCollection.Name)]
public sealed class GraphQLOrdersTests(GraphQLApiFactory api)
{
    private const string PlaceOrder = """
        mutation($customerId: ID!, $lines: [OrderLineInput!]!) {
          placeOrder(customerId: $customerId, currency: "EUR", lines: $lines) { id version order { id status total lines { sku quantity unitPrice total } } }
        }
        """;

    private const string RegisterCustomer = """
        mutation($name: String!, $email: String!) { registerCustomer(name: $name, email: $email) { id version customer { name email } } }
        """;

    [Fact]
    public async Task An_order_is_placed_extended_confirmed_and_read_through_the_mutations()
    {
        var sales = api.Sales();
        var placed = Data(await PostAsync(sales, PlaceOrder, new { customerId = Guid.NewGuid(), lines = new[] { new { sku = "SKU-1", quantity = 2, unitPrice = 10m } } }), "placeOrder");
        var id = placed.GetProperty("id").GetString()!;
        Assert.Equal(1, placed.GetProperty("version").GetInt64());
        Assert.Equal("Draft", placed.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(20m, placed.GetProperty("order").GetProperty("total").GetDecimal());

        var added = Data(await PostAsync(sales, """mutation($id: ID!) { addOrderLine(orderId: $id, sku: "SKU-2", quantity: 1, unitPrice: 5, currency: "EUR", expectedVersion: 1) { version } }""", new { id }), "addOrderLine");
        Assert.Equal(2, added.GetProperty("version").GetInt64());

        var confirmed = Data(await PostAsync(sales, """mutation($id: ID!) { confirmOrder(orderId: $id, expectedVersion: 2) { version order { status total } } }""", new { id }), "confirmOrder");
        Assert.Equal("Confirmed", confirmed.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(25m, confirmed.GetProperty("order").GetProperty("total").GetDecimal());

        var order = Data(await PostAsync(sales, "query($id: ID!) { order(id: $id) { id status version lines { sku } } }", new { id }), "order");
        Assert.Equal(id, order.GetProperty("id").GetString());
        Assert.Equal(["SKU-1", "SKU-2"], order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
    }

    [Fact]
    public async Task Another_tenants_order_is_not_found_and_absent_from_its_list()
    {
        var acme = Data(await PostAsync(api.Sales(ReferenceApiFactory.Acme), PlaceOrder, new { customerId = Guid.NewGuid(), lines = new[] { new { sku = "A", quantity = 1, unitPrice = 1m } } }), "placeOrder");
        var id = acme.GetProperty("id").GetString()!;

        var answer = await PostAsync(api.Sales(ReferenceApiFactory.Globex), "query($id: ID!) { order(id: $id) { id } }", new { id });
        Assert.Equal(["not-found"], ErrorCodes(answer));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").GetProperty("order").ValueKind);

        // Once acme's list shows the order, globex's still does not.
        await Eventually.ReturnsAsync(
            async () => Data(await PostAsync(api.Viewer(ReferenceApiFactory.Acme), "{ orders(first: 100) { nodes { id } } }"), "orders"),
            orders => orders.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("id").GetString() == id));
        var globex = Data(await PostAsync(api.Viewer(ReferenceApiFactory.Globex), "{ orders(first: 100) { nodes { id } } }"), "orders");
        Assert.DoesNotContain(globex.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Failures_carry_the_code_of_the_rest_problem_type()
    {
        var sales = api.Sales();
        var invalid = await PostAsync(sales, """mutation($c: ID!) { placeOrder(customerId: $c, currency: "not a currency", lines: [{ sku: "A", quantity: 1, unitPrice: 1 }]) { id } }""", new { c = Guid.NewGuid() });
        Assert.Equal(["validation-failed"], ErrorCodes(invalid));
        Assert.True(invalid.GetProperty("errors")[0].GetProperty("extensions").TryGetProperty("errors", out _), invalid.ToString());

        var ruleViolated = await PostAsync(sales, PlaceOrder, new { customerId = Guid.NewGuid(), lines = new[] { new { sku = "A", quantity = 0, unitPrice = 1m } } });
        Assert.Equal(["rule-violated"], ErrorCodes(ruleViolated));

        var forbidden = await PostAsync(api.Viewer(), PlaceOrder, new { customerId = Guid.NewGuid(), lines = new[] { new { sku = "A", quantity = 1, unitPrice = 1m } } });
        Assert.Equal(["forbidden"], ErrorCodes(forbidden));

        var placed = Data(await PostAsync(sales, PlaceOrder, new { customerId = Guid.NewGuid(), lines = new[] { new { sku = "A", quantity = 1, unitPrice = 1m } } }), "placeOrder");
        var stale = await PostAsync(sales, """mutation($id: ID!) { confirmOrder(orderId: $id, expectedVersion: 7) { version } }""", new { id = placed.GetProperty("id").GetString() });
        Assert.Equal(["precondition-failed"], ErrorCodes(stale));

        Assert.Equal(["not-found"], ErrorCodes(await PostAsync(sales, "query($id: ID!) { order(id: $id) { id } }", new { id = Guid.NewGuid() })));
        Assert.Equal(["validation-failed"], ErrorCodes(await PostAsync(sales, """{ order(id: "not-a-uuid") { id } }""")));
        Assert.Equal(["unknown-field"], ErrorCodes(await PostAsync(sales, """{ orders(filter: "nope=1") { totalCount } }""")));
    }

    [Fact]
    public async Task Orders_page_as_a_relay_connection_with_the_rest_filter_strings()
    {
        var sales = api.Sales();
        var customerId = Guid.NewGuid();
        for (var i = 1; i <= 3; i++)
        {
            Data(await PostAsync(sales, PlaceOrder, new { customerId, lines = new[] { new { sku = "P", quantity = i, unitPrice = 10m } } }), "placeOrder");
        }

        const string Page = """
            query($filter: String, $after: String) { orders(filter: $filter, sort: "-total", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { total customerId } } } }
            """;
        var filter = $"customerId={customerId}";
        var first = await Eventually.ReturnsAsync(
            async () => Data(await PostAsync(sales, Page, new { filter }), "orders"),
            page => page.GetProperty("totalCount").GetInt32() == 3);
        Assert.Equal([30m, 20m], first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("total").GetDecimal()));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal(cursor, first.GetProperty("edges")[1].GetProperty("cursor").GetString());

        var second = Data(await PostAsync(sales, Page, new { filter, after = cursor }), "orders");
        Assert.Equal([10m], second.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("total").GetDecimal()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Customers_are_registered_read_and_listed()
    {
        var sales = api.Sales();
        var name = "Ann " + Guid.NewGuid().ToString("N")[..8];
        var registered = Data(await PostAsync(sales, RegisterCustomer, new { name, email = "ann@example.com" }), "registerCustomer");
        Assert.Equal(name, registered.GetProperty("customer").GetProperty("name").GetString());
        var id = registered.GetProperty("id").GetString();

        Assert.Equal(name, Data(await PostAsync(sales, "query($id: ID!) { customer(id: $id) { name } }", new { id }), "customer").GetProperty("name").GetString());
        Assert.Equal(["not-found"], ErrorCodes(await PostAsync(api.Sales(ReferenceApiFactory.Globex), "query($id: ID!) { customer(id: $id) { name } }", new { id })));
        await Eventually.ReturnsAsync(
            async () => Data(await PostAsync(sales, "query($f: String) { customers(filter: $f) { nodes { id } } }", new { f = $"name={name}" }), "customers"),
            page => page.GetProperty("nodes").GetArrayLength() == 1);
    }

    [Fact]
    public async Task The_customer_of_every_order_in_a_page_is_loaded_once()
    {
        var sales = api.Sales();
        var customers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            customers.Add(Data(await PostAsync(sales, RegisterCustomer, new { name = $"Batch {i}", email = $"batch{i}@example.com" }), "registerCustomer").GetProperty("id").GetString()!);
        }

        for (var i = 0; i < 6; i++)
        {
            Data(await PostAsync(sales, PlaceOrder, new { customerId = customers[i % 2], lines = new[] { new { sku = "B", quantity = 1, unitPrice = 1m } } }), "placeOrder");
        }

        const string Query = "query($f: String) { orders(filter: $f, first: 50) { totalCount nodes { customer { name } } } }";
        var filter = $"customerId=[{customers[0]};{customers[1]}]";
        await Eventually.ReturnsAsync(
            async () => Data(await PostAsync(sales, Query.Replace("customer { name }", "id", StringComparison.Ordinal), new { f = filter }), "orders"),
            page => page.GetProperty("totalCount").GetInt32() == 6);

        // Counted where a message enters the pipeline, before the cache answers: one GetCustomer per customer, not per order.
        var sends = api.Services.GetRequiredService<SentMessages>();
        sends.Types.Clear();
        var orders = Data(await PostAsync(api.Viewer(), Query, new { f = filter }), "orders");

        Assert.Equal(6, orders.GetProperty("nodes").GetArrayLength());
        Assert.All(orders.GetProperty("nodes").EnumerateArray(), n => Assert.StartsWith("Batch ", n.GetProperty("customer").GetProperty("name").GetString(), StringComparison.Ordinal));
        var sent = sends.Types.ToList();
        Assert.Equal(["GetCustomer", "GetCustomer", "ListOrders"], sent.Order(StringComparer.Ordinal));
    }
}
