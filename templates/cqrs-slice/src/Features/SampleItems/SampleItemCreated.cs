using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.SampleItems;

[EventType("sample_items.sample_item_created")]
public sealed record SampleItemCreated(Guid SampleItemId, string Name) : DomainEvent;
