namespace Reference.Features.AuditLog;

/// <summary>Reading the audit log needs its own permission (only <c>admin</c> has it by default) and is itself audited.</summary>
public static class AuditPermissions
{
    public const string Read = "audit.read";
}
