using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>Schedules a process timeout to fire at its due time, in the ambient tenant.</summary>
public interface IProcessTimeoutScheduler
{
    void Schedule(Guid instanceId, ProcessTimeout timeout);
}
