namespace Reference.SharedKernel.Projections;

/// <summary>An event updates a document the projection never created: the log and the projection disagree.</summary>
public sealed class ProjectionDocumentMissingException(string projection, string eventType, string documentId)
    : Exception($"Projection '{projection}' cannot apply {eventType}: document '{documentId}' does not exist.")
{
    public string Projection { get; } = projection;

    public string EventType { get; } = eventType;

    public string DocumentId { get; } = documentId;
}
