using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.ProjectionBenchmarks;

public sealed record TallyStarted(string TallyId) : DomainEvent;

public sealed record TallyBumped(string TallyId, int By) : DomainEvent;

public sealed class BenchTally : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public int Total { get; set; }

    public int Events { get; set; }
}

/// <summary>The projection measured here; <see cref="MartenTallyProjection"/> is the same fold for Marten.</summary>
public sealed class BenchTallyProjection : Projection<BenchTally>
{
    public BenchTallyProjection()
        : base("bench-tally")
    {
        Create<TallyStarted>(e => e.TallyId, _ => new BenchTally { Events = 1 });
        Update<TallyBumped>(e => e.TallyId, (tally, e) =>
        {
            tally.Total += e.Data.By;
            tally.Events++;
        });
    }
}
