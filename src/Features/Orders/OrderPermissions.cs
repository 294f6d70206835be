namespace Reference.Features.Orders;

/// <summary>The permissions of the Orders slice, as roles grant them in <c>Authorization:Rbac</c>.</summary>
public static class OrderPermissions
{
    public const string Read = "orders.read";
    public const string Write = "orders.write";
    public const string Cancel = "orders.cancel";
}
