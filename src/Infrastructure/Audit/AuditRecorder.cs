using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// The one place audit records are built. The actor is always the ambient principal of this call
/// (never a captured or OS user); message values go through <see cref="AuditDetailsSerializer"/>
/// so <see cref="SensitiveAttribute"/> values never reach the trail. When the trail cannot be written,
/// <see cref="AuditOptions.FailurePolicy"/> decides: fail closed throws <see cref="AuditUnavailableException"/>,
/// fail open logs and counts the lost record (<see cref="AuditMetrics"/>) and lets the message carry on.
/// </summary>
public sealed partial class AuditRecorder(
    IAuditTrail trail,
    ITenantContext tenant,
    ICurrentUser currentUser,
    ICorrelationContext correlation,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider clock,
    IOptions<AuditOptions> options,
    AuditMetrics metrics,
    ILogger<AuditRecorder> logger)
    : IAuditRecorder
{
    /// <summary>The tenant recorded for work done in the system scope.</summary>
    public const string SystemTenant = "system";

    public async Task RecordAsync(IAuditable message, AuditOutcome outcome, string? reason, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var principal = currentUser.Principal;
        var http = httpContextAccessor.HttpContext;
        var record = new AuditRecord(
            Id: Guid.CreateVersion7(),
            OccurredAt: clock.GetUtcNow(),
            TenantId: tenant.TenantId ?? SystemTenant,
            Actor: new AuditActor(principal.UserId, principal.Name, principal.Roles),
            Action: MessageNames.Of(message.GetType()),
            Resource: new AuditResource(message.AuditResourceType, message.AuditResourceId),
            Outcome: outcome,
            Reason: reason,
            DurationMs: (long)duration.TotalMilliseconds,
            CorrelationId: correlation.CorrelationId,
            TraceId: Activity.Current?.TraceId.ToString())
        {
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            Details = AuditDetailsSerializer.Serialize(message),
        };

        try
        {
            await trail.AppendAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (options.Value.FailurePolicy == AuditFailurePolicy.FailClosed)
            {
                throw new AuditUnavailableException(record.Action, ex);
            }

            metrics.Lost(record.Action, record.Outcome);
            LogAuditWriteFailed(logger, ex, record.Action, record.Outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit record for {Action} ({Outcome}) could not be written; continuing (fail open).")]
    private static partial void LogAuditWriteFailed(ILogger logger, Exception exception, string action, AuditOutcome outcome);
}
