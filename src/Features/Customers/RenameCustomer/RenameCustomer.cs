using Reference.Features.Customers.Domain;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.RenameCustomer;

/// <summary>
/// Renames a customer. Without <c>If-Match</c> a lost race merges field by field: a concurrent e-mail change is
/// kept and the rename applied on top; a concurrent rename is a conflict (409), as two names cannot both win.
/// </summary>
public sealed record RenameCustomer(Guid CustomerId, string Name, long? ExpectedVersion)
    : ITenantCommand<CustomerVersion>, IInvalidatesCache, IDeclaresConflictPolicy
{
    string IRequirePermission.RequiredPermission => CustomerPermissions.Write;

    string IAuditable.AuditResourceType => "Customer";

    string? IAuditable.AuditResourceId => CustomerId.ToString();

    IReadOnlyList<string> IInvalidatesCache.CacheTagsToInvalidate => [CustomerCacheTags.For(CustomerId)];

    ConflictPolicy IDeclaresConflictPolicy.OnConflict =>
        ExpectedVersion is null ? ConflictPolicy.MergeFields(CustomerId.ToString(), CustomerFields.Name) : ConflictPolicy.Reject;
}
