using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Who a process manager's commands run as: <c>system:process/&lt;type&gt;</c> in the instance's tenant, in the
/// <c>system</c> role, whose permissions <c>Authorization:Rbac:Roles:system</c> grants (docs/process-managers.md).
/// </summary>
public static class ProcessPrincipal
{
    public const string Role = "system";

    public static Principal For(string processType, string tenantId) =>
        Principal.System($"process/{processType}") with { TenantId = tenantId };
}
