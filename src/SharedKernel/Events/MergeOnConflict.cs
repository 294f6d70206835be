using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>
/// Field-level merge: a lost race runs the command again on the current state when the events the winners appended
/// to <see cref="StreamId"/> changed none of <see cref="Fields"/> (the fields this command changes); when one of them
/// did, or an event does not say what it changed (<see cref="IChangesFields"/>), the command is refused.
/// </summary>
public sealed record MergeOnConflict : ConflictPolicy
{
    internal MergeOnConflict(string streamId, IReadOnlySet<string> fields, int maxAttempts)
        : base(maxAttempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        StreamId = streamId;
        Fields = fields.Count > 0 ? fields : throw new ArgumentException("A merge names at least one field it changes.", nameof(fields));
    }

    public string StreamId { get; }

    public IReadOnlySet<string> Fields { get; }

    /// <summary>
    /// True when none of <paramref name="concurrent"/> (the events appended after the version this command's run
    /// loaded) changed one of <see cref="Fields"/>: the command can run again on the current state.
    /// </summary>
    public bool CanMergeWith(IEnumerable<DomainEvent> concurrent)
    {
        ArgumentNullException.ThrowIfNull(concurrent);
        return concurrent.All(e => e is IChangesFields changes && !changes.ChangedFields.Any(Fields.Contains));
    }
}
