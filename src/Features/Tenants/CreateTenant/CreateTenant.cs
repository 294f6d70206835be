using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Tenants.CreateTenant;

/// <summary>
/// Adds a tenant to the database store. Its settings may hold connection strings, so they are kept
/// out of the audit record.
/// </summary>
public sealed record CreateTenant(string Id, string Name, [property: Sensitive] IReadOnlyDictionary<string, string> Settings)
    : ISystemCommand<TenantDetails>
{
    public const int MaxNameLength = 200;
    public const int MaxSettings = 50;
    public const int MaxSettingKeyLength = 100;
    public const int MaxSettingValueLength = 2000;

    string IRequirePermission.RequiredPermission => TenantPermissions.Manage;

    string IAuditable.AuditResourceType => "Tenant";

    string? IAuditable.AuditResourceId => Id;
}
