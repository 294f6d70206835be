using Reference.SharedKernel.Domain;

namespace Reference.Features.SampleItems;

/// <summary>
/// A sample item, event-sourced: its state is the fold of its events. Behaviour raises events through
/// <see cref="EventSourcedAggregate{TId}.Emit"/>; <see cref="Apply"/> is the only place state changes.
/// </summary>
public sealed class SampleItem : EventSourcedAggregate<Guid>
{
    private SampleItem(Guid sampleItemId)
        : base(sampleItemId)
    {
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>An item with no history yet, for the repository to replay the stream onto.</summary>
    public static SampleItem ForReplay(Guid sampleItemId) => new(sampleItemId);

    public static SampleItem Create(Guid sampleItemId, string name)
    {
        var sampleItem = new SampleItem(sampleItemId);
        sampleItem.Emit(new SampleItemCreated(sampleItemId, name));
        return sampleItem;
    }

    protected override void Apply(DomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case SampleItemCreated created:
                Name = created.Name;
                break;
            default:
                throw new InvalidOperationException($"{nameof(SampleItem)} cannot apply {domainEvent.GetType().Name}.");
        }
    }
}
