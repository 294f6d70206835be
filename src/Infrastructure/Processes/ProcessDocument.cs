using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>The parts of an instance stored as one JSON column: its state, steps, timeouts and history.</summary>
internal sealed record ProcessDocument(string State, List<ProcessStep> Steps, List<ProcessTimeout> Timeouts, List<ProcessHistoryEntry> History);
