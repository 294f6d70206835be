using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Customers.GetCustomer;

public sealed record GetCustomer(Guid CustomerId) : ITenantQuery<CustomerDetails>, ICacheable
{
    string IRequirePermission.RequiredPermission => CustomerPermissions.Read;

    string ICacheable.CacheKey => CustomerId.ToString("N");

    IReadOnlyList<string> ICacheable.CacheTags => [CustomerCacheTags.For(CustomerId)];

    TimeSpan ICacheable.CacheDuration => TimeSpan.FromMinutes(5);
}
