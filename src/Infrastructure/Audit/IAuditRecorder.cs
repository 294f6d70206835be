using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// Turns "this message ended with this outcome" into an <see cref="AuditRecord"/> stamped from the
/// ambient context (tenant, principal, correlation, trace, client) and appends it to the trail.
/// </summary>
public interface IAuditRecorder
{
    Task RecordAsync(IAuditable message, AuditOutcome outcome, string? reason, TimeSpan duration, CancellationToken cancellationToken);
}
