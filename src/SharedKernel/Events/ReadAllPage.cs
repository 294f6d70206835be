namespace Reference.SharedKernel.Events;

/// <summary>
/// A page of the global log. <see cref="Events"/> holds the events this process can deserialize;
/// <see cref="Unrecognized"/> the ones whose type it does not know, undeserialized. <see cref="Next"/>
/// is the checkpoint to read from next: it passes both kinds, and never passes an event that a
/// still-running transaction may yet commit.
/// </summary>
public sealed record ReadAllPage(IReadOnlyList<StoredEvent> Events, IReadOnlyList<UnrecognizedEvent> Unrecognized, LogPosition Next)
{
    /// <summary>How many log entries the page covers, recognized or not (at most the read's maxCount).</summary>
    public int Count => Events.Count + Unrecognized.Count;
}
