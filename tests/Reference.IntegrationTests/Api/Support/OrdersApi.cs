using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>Small helpers for driving the Orders and Customers endpoints from tests.</summary>
public static class OrdersApi
{
    public const string MinVersionHeader = "X-Min-Version";

    public sealed record VersionBody(Guid Id, long Version);

    public sealed record LineBody(string Sku, int Quantity, decimal UnitPrice, decimal Total);

    public sealed record OrderBody(Guid Id, Guid CustomerId, string Currency, string Status, List<LineBody> Lines, decimal Total, string? CancellationReason, long Version);

    public static object NewOrder(params (string Sku, int Quantity, decimal Price)[] lines) => new
    {
        customerId = Guid.NewGuid(),
        currency = "EUR",
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = l.Price }).ToArray(),
    };

    public static async Task<VersionBody> PlaceAsync(HttpClient client, params (string Sku, int Quantity, decimal Price)[] lines)
    {
        var response = await client.PostAsJsonAsync("/api/orders", NewOrder(lines.Length == 0 ? [("SKU-1", 1, 10m)] : lines));
        return await response.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> AddLineAsync(HttpClient client, Guid orderId, string sku, int quantity = 1, decimal price = 5m, string? ifMatch = null, string currency = "EUR")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/lines")
        {
            Content = JsonContent.Create(new { sku, quantity, unitPrice = price, currency }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, Guid orderId, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/confirm");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>
    /// Reads an order once the read model reflects <paramref name="minVersion"/> (the version a write returned): sends
    /// <c>X-Min-Version</c> and, as any client should, asks again after a 503 (the server's wait ran out) until a deadline.
    /// </summary>
    public static async Task<OrderBody> GetAsync(HttpClient client, Guid orderId, long minVersion)
    {
        var response = await Eventually.ReturnsAsync(
            () => GetAtLeastAsync(client, orderId, minVersion),
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable);
        return await response.ReadAsAsync<OrderBody>();
    }

    /// <summary>One <c>GET /api/orders/{id}</c> that waits (bounded) for <paramref name="minVersion"/>.</summary>
    public static Task<HttpResponseMessage> GetAtLeastAsync(HttpClient client, Guid orderId, long minVersion)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}");
        request.Headers.Add(MinVersionHeader, minVersion.ToString(CultureInfo.InvariantCulture));
        return client.SendAsync(request);
    }
}
