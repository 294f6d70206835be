using System.Text.Json;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Events;

/// <summary>A small event-sourced aggregate for the repository tests: a running total.</summary>
public sealed class Tally(Guid id) : EventSourcedAggregate<Guid>(id)
{
    public int Total { get; private set; }

    public int Increments { get; private set; }

    public void Add(int amount)
    {
        if (amount <= 0)
        {
            throw new BusinessRuleViolationException("tally.non_positive", "Only positive amounts can be added.");
        }

        Emit(new TallyIncremented(amount));
    }

    protected override void Apply(DomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case TallyIncremented incremented:
                Total += incremented.Amount;
                Increments++;
                break;
            default:
                throw new InvalidOperationException($"Tally cannot apply {domainEvent.GetType().Name}.");
        }
    }

    internal static Tally FromState(Guid id, int total, int increments) => new(id) { Total = total, Increments = increments };
}

[EventType("tests.tally-incremented")]
public sealed record TallyIncremented(int Amount) : DomainEvent;

/// <summary>Snapshot schema 2: id, total and increment count as JSON.</summary>
public sealed class TallySnapshotter : IAggregateSnapshotter<Tally>
{
    public string SnapshotType => "tally";

    public int SchemaVersion => 2;

    public string Take(Tally aggregate) => JsonSerializer.Serialize(new TallyState(aggregate.Id, aggregate.Total, aggregate.Increments));

    public Tally Restore(string data)
    {
        var state = JsonSerializer.Deserialize<TallyState>(data) ?? throw new JsonException("Empty tally snapshot.");
        return Tally.FromState(state.Id, state.Total, state.Increments);
    }

    public sealed record TallyState(Guid Id, int Total, int Increments);
}
