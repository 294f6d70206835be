using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Outbox;

/// <summary>
/// Which tenant an outbox row belongs to. Messages enqueued in the system scope belong to no tenant
/// and are stored with the empty tenant id, so keys and conflict targets stay (tenant, message id)
/// on every provider; they read back with a null tenant.
/// </summary>
internal static class OutboxTenant
{
    public const string None = "";

    /// <summary>The tenant to stamp on an enqueued message; the system scope may name one or none.</summary>
    public static string ForEnqueue(ITenantContext tenantContext, OutboxMessage message)
    {
        if (tenantContext.IsSystemScope)
        {
            return string.IsNullOrWhiteSpace(message.TenantId) ? None : message.TenantId;
        }

        var tenantId = tenantContext.RequireTenantId();
        if (message.TenantId is { } stamped && !string.Equals(stamped, tenantId, StringComparison.Ordinal))
        {
            throw new TenantMismatchException(tenantId, $"outbox message {message.MessageId}");
        }

        return tenantId;
    }

    /// <summary>
    /// The tenant that restricts dispatcher calls. Dispatchers are infrastructure and work across
    /// tenants (null: no restriction); a call made inside a tenant scope only touches that tenant.
    /// </summary>
    public static string? ForDispatch(ITenantContext tenantContext) => tenantContext.TenantId;

    public static string? FromRow(string tenantId) => tenantId.Length == 0 ? null : tenantId;
}
