using Reference.SharedKernel.Projections;

namespace Reference.Infrastructure.Processes;

/// <summary>Wakes the command dispatcher when an instance has committed new commands.</summary>
public sealed class ProcessSignal : AsyncSignal;
