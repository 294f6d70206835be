using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Customers.RegisterCustomer;

public sealed record RegisterCustomer(Guid CustomerId, string Name, [property: Sensitive] string Email)
    : ITenantCommand<CustomerVersion>, IInvalidatesCache
{
    string IRequirePermission.RequiredPermission => CustomerPermissions.Write;

    string IAuditable.AuditResourceType => "Customer";

    string? IAuditable.AuditResourceId => CustomerId.ToString();

    IReadOnlyList<string> IInvalidatesCache.CacheTagsToInvalidate => [CustomerCacheTags.For(CustomerId)];
}
