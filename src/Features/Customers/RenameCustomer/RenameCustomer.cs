using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Customers.RenameCustomer;

public sealed record RenameCustomer(Guid CustomerId, string Name, long? ExpectedVersion)
    : ITenantCommand<CustomerVersion>, IInvalidatesCache
{
    string IRequirePermission.RequiredPermission => CustomerPermissions.Write;

    string IAuditable.AuditResourceType => "Customer";

    string? IAuditable.AuditResourceId => CustomerId.ToString();

    IReadOnlyList<string> IInvalidatesCache.CacheTagsToInvalidate => [CustomerCacheTags.For(CustomerId)];
}
