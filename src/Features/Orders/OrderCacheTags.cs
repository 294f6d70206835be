namespace Reference.Features.Orders;

/// <summary>Cache tags for order reads; every command on an order invalidates its tag after commit.</summary>
public static class OrderCacheTags
{
    public static string For(Guid orderId) => $"orders:{orderId:N}";
}
