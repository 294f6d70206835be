using Reference.SharedKernel.Events;

namespace Reference.SharedKernel.Ports;

/// <summary>A stored document with the log position of the last event applied to it.</summary>
public sealed record PositionedDocument<TDocument>(TDocument Document, LogPosition Position)
    where TDocument : class, IReadModel;
