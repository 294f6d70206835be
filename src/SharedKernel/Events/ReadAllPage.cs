namespace Reference.SharedKernel.Events;

/// <summary>
/// A page of the global log. <see cref="Events"/> holds the events this process can deserialize;
/// <see cref="Unrecognized"/> the ones whose type it does not know, undeserialized; <see cref="Unreadable"/> the
/// ones of known types it cannot read (a newer schema version, a failing upcaster, a damaged row). <see cref="Next"/>
/// is the checkpoint to read from next: it passes all three kinds, and never passes an event that a still-running
/// transaction may yet commit.
/// </summary>
public sealed record ReadAllPage(IReadOnlyList<StoredEvent> Events, IReadOnlyList<UnrecognizedEvent> Unrecognized, LogPosition Next)
{
    /// <summary>Events of registered types that could not be read, in log order.</summary>
    public IReadOnlyList<UnreadableEvent> Unreadable { get; init; } = [];

    /// <summary>How many log entries the page covers, whatever their kind (at most the read's maxCount).</summary>
    public int Count => Events.Count + Unrecognized.Count + Unreadable.Count;
}
