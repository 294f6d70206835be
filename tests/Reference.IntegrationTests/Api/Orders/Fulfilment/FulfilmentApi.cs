using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders.Fulfilment;

/// <summary>Drives inventory and waits for orders to finish fulfilment.</summary>
public static class FulfilmentApi
{
    public sealed record StockBody(string Sku, int OnHand, int Reserved, int Available);

    public sealed record FinalOrder(Guid Id, string Status, string? CancellationCode, string? CancellationReason, decimal Total);

    public static string NewSku() => $"SKU-{Guid.NewGuid():N}"[..20];

    public static async Task SetStockAsync(HttpClient admin, string sku, int onHand) =>
        await (await admin.PutAsJsonAsync($"/api/inventory/{sku}", new { onHand })).ReadAsAsync<StockBody>();

    public static async Task<StockBody> StockAsync(HttpClient admin, string sku) =>
        await (await admin.GetAsync($"/api/inventory/{sku}")).ReadAsAsync<StockBody>();

    /// <summary>Places and confirms an order; returns its id.</summary>
    public static async Task<Guid> ConfirmedOrderAsync(HttpClient sales, params (string Sku, int Quantity, decimal Price)[] lines)
    {
        var placed = await PlaceAsync(sales, lines);
        (await ConfirmAsync(sales, placed.Id)).EnsureSuccessStatusCode();
        return placed.Id;
    }

    /// <summary>The order once fulfilment has ended it (Paid or Cancelled).</summary>
    public static Task<FinalOrder> FinishedAsync(HttpClient client, Guid orderId, TimeSpan? within = null) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                var response = await client.GetAsync($"/api/orders/{orderId}");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<FinalOrder>() : null;
            },
            o => o is { Status: "Paid" or "Cancelled" },
            within ?? TimeSpan.FromSeconds(30)).ContinueWith(t => t.Result!, TaskScheduler.Default);

    /// <summary>Instances of the database not yet in a final state (Running or Compensating).</summary>
    public static async Task<long> UnfinishedInstancesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM process_instances WHERE status IN ('Running', 'Compensating')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
