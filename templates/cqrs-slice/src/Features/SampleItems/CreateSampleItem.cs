using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.SampleItems;

/// <summary>Creates a SampleItem in the caller's tenant; answers the new id. Audited, transactional, permission-checked.</summary>
public sealed record CreateSampleItem(string Name) : ITenantCommand<Guid>
{
    string IRequirePermission.RequiredPermission => SampleItemPermissions.Write;

    string IAuditable.AuditResourceType => nameof(SampleItem);

    string? IAuditable.AuditResourceId => null;
}
