using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="INotificationSender"/> that records instead of sending, so tests can assert on what a
/// person would have received. Each record keeps the tenant it was sent for.
/// </summary>
public sealed class InMemoryNotificationSender(ITenantContext tenants, TimeProvider? timeProvider = null) : INotificationSender
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly List<SentNotification> _sent = [];

    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Recipient);
        var tenantId = tenants.IsSystemScope ? null : tenants.RequireTenantId();
        lock (_gate)
        {
            _sent.Add(new SentNotification(notification, tenantId, _time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    /// <summary>What was sent in the current tenant's scope (everything, in the system scope).</summary>
    public IReadOnlyList<SentNotification> Sent()
    {
        var tenantId = tenants.IsSystemScope ? null : tenants.RequireTenantId();
        lock (_gate)
        {
            return [.. _sent.Where(sent => tenantId is null || sent.TenantId == tenantId)];
        }
    }
}

/// <summary>A notification as it was sent: for which tenant (null for system work) and when.</summary>
public sealed record SentNotification(Notification Notification, string? TenantId, DateTimeOffset SentAt);
