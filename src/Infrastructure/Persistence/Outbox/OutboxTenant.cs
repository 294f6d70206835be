using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Outbox;

/// <summary>Which tenant an outbox call acts for: the ambient one, or every tenant in the system scope.</summary>
internal static class OutboxTenant
{
    /// <summary>The tenant to stamp on an enqueued message. The system scope may enqueue for a named tenant.</summary>
    public static string ForEnqueue(ITenantContext tenantContext, OutboxMessage message)
    {
        if (tenantContext.IsSystemScope && !string.IsNullOrWhiteSpace(message.TenantId))
        {
            return message.TenantId;
        }

        var tenantId = tenantContext.RequireTenantId();
        if (message.TenantId is { } stamped && !string.Equals(stamped, tenantId, StringComparison.Ordinal))
        {
            throw new TenantMismatchException(tenantId, $"outbox message {message.MessageId}");
        }

        return tenantId;
    }

    /// <summary>The tenant that filters dispatcher calls; null in the system scope (all tenants).</summary>
    public static string? ForDispatch(ITenantContext tenantContext) =>
        tenantContext.IsSystemScope ? null : tenantContext.RequireTenantId();
}
