using System.Net;
using System.Net.Http.Json;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Projections.Orders;

/// <summary>
/// An event the running version cannot read (a newer schema version during a rolling deploy, a failing or missing
/// upcaster, a corrupt row) is dead-lettered by the projections that handle its type, and they move on: the events
/// after it are projected. Written as raw rows into PostgreSQL's events table; observed through HTTP.
/// </summary>
public sealed class UnreadableEventLiveTests(PoisonEventApiFactory app) : IClassFixture<PoisonEventApiFactory>
{
    public static TheoryData<EventRows.BadRow> Rows => [.. EventRows.Unreadable];

    private sealed record DeadLetterBody(Guid Id, string Projection, string TenantId, Guid EventId, string EventType, string Error);

    private sealed record ListBody(List<ItemBody> Items);

    private sealed record ItemBody(Guid Id);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task An_unreadable_event_is_dead_lettered_and_the_projection_moves_on(EventRows.BadRow row)
    {
        var sales = app.Sales();
        var before = await OrdersApi.PlaceAsync(sales);
        await WaitListedAsync(sales, before.Id);

        var (eventId, _) = await EventRows.InsertAsync(app.ConnectionString, ReferenceApiFactory.Acme, row);
        var after = await OrdersApi.PlaceAsync(sales);

        await WaitListedAsync(sales, after.Id);
        var operations = app.WithToken(TestTokens.Create("ops@acme", ReferenceApiFactory.Acme, ["admin"], ["platform.projections.manage"]));
        var deadLetters = await operations.GetFromJsonAsync<List<DeadLetterBody>>("/api/admin/projections/dead-letters?projection=order-summary");
        var deadLetter = Assert.Single(deadLetters!, d => d.EventId == eventId);
        Assert.Equal((row.EventType, ReferenceApiFactory.Acme), (deadLetter.EventType, deadLetter.TenantId));
        Assert.False(string.IsNullOrWhiteSpace(deadLetter.Error));
        Assert.DoesNotContain(await ListAsync(operations, "customer-summary"), d => d.EventId == eventId);
    }

    private static async Task<List<DeadLetterBody>> ListAsync(HttpClient client, string projection) =>
        (await client.GetFromJsonAsync<List<DeadLetterBody>>($"/api/admin/projections/dead-letters?projection={projection}"))!;

    private static Task WaitListedAsync(HttpClient client, Guid orderId) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                var response = await client.GetAsync("/api/orders?pageSize=100");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (await response.Content.ReadFromJsonAsync<ListBody>())!.Items;
            },
            items => items.Any(i => i.Id == orderId));
}
