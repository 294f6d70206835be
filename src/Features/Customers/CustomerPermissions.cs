namespace Reference.Features.Customers;

/// <summary>The permissions of the Customers slice, as roles grant them in <c>Authorization:Rbac</c>.</summary>
public static class CustomerPermissions
{
    public const string Read = "customers.read";
    public const string Write = "customers.write";
}
