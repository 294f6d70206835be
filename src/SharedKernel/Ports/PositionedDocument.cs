using Reference.SharedKernel.Events;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// A stored document with the log position of the last event applied to it. A null
/// <see cref="Document"/> is a tombstone: the document was deleted at <see cref="Position"/>, and
/// the position still guards against a replayed older event bringing it back.
/// </summary>
public sealed record PositionedDocument<TDocument>(TDocument? Document, LogPosition Position)
    where TDocument : class, IReadModel;
