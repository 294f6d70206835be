namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// A message that leaves a business-intent audit record ("who tried to do what to which resource,
/// and how it ended"), whatever the outcome. Implement the members explicitly.
/// </summary>
public interface IAuditable
{
    string AuditResourceType { get; }

    /// <summary>The resource the message acts on; null when it acts on a collection.</summary>
    string? AuditResourceId { get; }
}
