namespace Reference.Features.Orders;

/// <summary>The permissions of the Orders slice, as roles grant them in <c>Authorization:Rbac</c>.</summary>
public static class OrderPermissions
{
    public const string Read = "orders.read";

    /// <summary>Read every order of the tenant; without it a principal lists only the orders they placed.</summary>
    public const string ReadAll = "orders.read.all";
    public const string Write = "orders.write";
    public const string Cancel = "orders.cancel";

    /// <summary>Mark an order paid or cancel it for fulfilment: only the <c>system</c> role (process managers) holds it.</summary>
    public const string Fulfil = "orders.fulfil";
}
