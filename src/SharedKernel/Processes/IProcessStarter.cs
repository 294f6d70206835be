namespace Reference.SharedKernel.Processes;

/// <summary>
/// Starts a process instance in the ambient tenant, inside the caller's unit of work: the instance and its first
/// commands commit with the caller's own write (or not at all), and are sent once it has committed.
/// </summary>
public interface IProcessStarter
{
    /// <summary>Starts <paramref name="definition"/> for <paramref name="correlationKey"/>; returns the new instance's id.</summary>
    Task<Guid> StartAsync(IProcessDefinition definition, string correlationKey, object start, CancellationToken cancellationToken = default);
}
