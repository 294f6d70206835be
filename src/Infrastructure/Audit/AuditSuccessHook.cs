using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// The success record of an auditable transactional message, written by the unit of work just before it
/// commits, so the record and the change it describes commit together or not at all.
/// </summary>
public sealed class AuditSuccessHook(IAuditRecorder audit) : IBeforeCommitHook
{
    public Task BeforeCommitAsync(object message, TimeSpan elapsed, CancellationToken cancellationToken) =>
        message is IAuditable auditable
            ? audit.RecordAsync(auditable, AuditOutcome.Succeeded, null, elapsed, cancellationToken)
            : Task.CompletedTask;
}
