using Reference.Features.Customers.Domain;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.ChangeCustomerEmail;

/// <summary>
/// Changes a customer's e-mail address. Without <c>If-Match</c> a lost race merges field by field: a concurrent
/// rename is kept and the new address applied on top; a concurrent e-mail change is a conflict (409).
/// </summary>
public sealed record ChangeCustomerEmail(Guid CustomerId, [property: Sensitive] string Email, long? ExpectedVersion)
    : ITenantCommand<CustomerVersion>, IInvalidatesCache, IDeclaresConflictPolicy
{
    string IRequirePermission.RequiredPermission => CustomerPermissions.Write;

    string IAuditable.AuditResourceType => "Customer";

    string? IAuditable.AuditResourceId => CustomerId.ToString();

    IReadOnlyList<string> IInvalidatesCache.CacheTagsToInvalidate => [CustomerCacheTags.For(CustomerId)];

    ConflictPolicy IDeclaresConflictPolicy.OnConflict =>
        ExpectedVersion is null ? ConflictPolicy.MergeFields(CustomerId.ToString(), CustomerFields.Email) : ConflictPolicy.Reject;
}
