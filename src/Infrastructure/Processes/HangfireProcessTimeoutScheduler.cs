using Hangfire;
using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Timeouts as delayed Hangfire jobs: the job filter captures the ambient tenant and correlation, so the timeout
/// fires in the instance's tenant. A timeout that completed its step in the meantime is not deleted from Hangfire:
/// the instance no longer holds its token, so the job does nothing when it runs.
/// </summary>
public sealed class HangfireProcessTimeoutScheduler(IBackgroundJobClient jobs) : IProcessTimeoutScheduler
{
    public void Schedule(Guid instanceId, ProcessTimeout timeout)
    {
        ArgumentNullException.ThrowIfNull(timeout);
        jobs.Schedule<ProcessJobs>(j => j.TimeoutAsync(instanceId, timeout.Step, timeout.Token, CancellationToken.None), timeout.DueAt);
    }
}
