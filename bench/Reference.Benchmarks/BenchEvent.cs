using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Benchmarks;

/// <summary>The event every contender writes: a small, typical payload.</summary>
[EventType("bench.item-added")]
public sealed record ItemAdded(string Sku, int Quantity, decimal UnitPrice) : DomainEvent;
