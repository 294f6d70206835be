using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Sample;

[EventType("sample.created")]
public sealed record SampleCreated(Guid SampleId, string Name) : DomainEvent;
