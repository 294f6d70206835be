namespace Reference.SharedKernel.Domain;

/// <summary>
/// Something that happened in the domain. Events are immutable records named in the past tense.
/// The event id is assigned when the event is raised, so retrying the same append is idempotent.
/// Everything else about the event (tenant, user, correlation, time recorded) is metadata that
/// infrastructure stamps from the ambient context; domain code never passes it in.
/// </summary>
public abstract record DomainEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
}
