namespace Reference.SharedKernel.Events;

/// <summary>
/// A page of the global log. <see cref="Next"/> is the checkpoint to read from next; it never
/// passes an event that a still-running transaction may yet commit.
/// </summary>
public sealed record ReadAllPage(IReadOnlyList<StoredEvent> Events, LogPosition Next);
