namespace Reference.SharedKernel.Events;

/// <summary>
/// An event that names the fields of its aggregate it changed, so a <see cref="MergeOnConflict"/> command can tell
/// whether a concurrent change overlaps its own. Implement it explicitly, so the names are not stored with the event.
/// </summary>
public interface IChangesFields
{
    IReadOnlyCollection<string> ChangedFields { get; }
}
