using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// The process managers' Hangfire jobs: a timeout (run in the tenant it was scheduled in) and the recurring
/// recovery, which finds running instances past their deadline, fires their overdue timeouts in each instance's
/// tenant (so a timeout lost with a crashed node still fires) and wakes the dispatcher, which re-sends any command
/// left pending or whose lease ran out.
/// </summary>
public sealed partial class ProcessJobs(
    IServiceScopeFactory scopes,
    ProcessStore store,
    ITenantContext tenants,
    ProcessSignal signal,
    IOptions<ProcessesOptions> options,
    TimeProvider time,
    ILogger<ProcessJobs> logger)
{
    public const string RecoveryJobId = "process-recovery";

    private const int RecoveryBatch = 500;

    [JobDisplayName("Process timeout {1} of {0}")]
    public async Task TimeoutAsync(Guid instanceId, string step, Guid token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<ProcessEngine>().TimeoutAsync(instanceId, step, token, cancellationToken))
        {
            LogLateTimeout(instanceId, step);
        }
    }

    [JobDisplayName("Recover process instances past their deadline")]
    [DisableConcurrentExecution(300)]
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<(string TenantId, Guid Id)> overdue;
        using (tenants.BeginSystemScope())
        {
            overdue = await store.OverdueAsync(time.GetUtcNow() - options.Value.RecoveryGrace, RecoveryBatch, cancellationToken);
        }

        foreach (var (tenantId, id) in overdue)
        {
            using var tenantScope = tenants.BeginScope(tenantId);
            await using var scope = scopes.CreateAsyncScope();
            var fired = await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireOverdueAsync(id, cancellationToken);
            LogRecovered(id, tenantId, fired);
        }

        signal.Notify();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timeout {Step} of process {InstanceId} came after its step ended; nothing to do")]
    private partial void LogLateTimeout(Guid instanceId, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery fired {Fired} overdue timeout(s) of process {InstanceId} in tenant {TenantId}")]
    private partial void LogRecovered(Guid instanceId, string tenantId, int fired);
}
