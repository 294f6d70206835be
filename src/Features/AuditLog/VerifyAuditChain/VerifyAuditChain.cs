using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.VerifyAuditChain;

/// <summary>Walks the current tenant's hash chain and reports the first broken link.</summary>
public sealed record VerifyAuditChain : ITenantQuery<AuditChainVerification>, IAuditable
{
    string IRequirePermission.RequiredPermission => AuditPermissions.Read;

    string IAuditable.AuditResourceType => "AuditLog";

    string? IAuditable.AuditResourceId => null;
}
