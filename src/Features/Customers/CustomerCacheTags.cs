namespace Reference.Features.Customers;

public static class CustomerCacheTags
{
    public static string For(Guid customerId) => $"customers:{customerId:N}";
}
