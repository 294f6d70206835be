using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.IntegrationTests.Projections.Support;

public sealed record CounterOpened(string CounterId) : DomainEvent;

public sealed record CounterIncremented(string CounterId, int By) : DomainEvent;

/// <summary>Counts what it applies, so a skipped or doubled event shows in <see cref="Applied"/>.</summary>
public sealed class Counter : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public int Total { get; set; }

    public int Applied { get; set; }
}

public sealed class CounterProjection : Projection<Counter>
{
    public CounterProjection()
        : base("counter")
    {
        Create<CounterOpened>(e => e.CounterId, _ => new Counter { Applied = 1 });
        Update<CounterIncremented>(e => e.CounterId, (counter, e) =>
        {
            counter.Total += e.Data.By;
            counter.Applied++;
        });
    }
}
