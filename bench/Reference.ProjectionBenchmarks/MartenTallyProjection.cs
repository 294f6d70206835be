using Marten.Events.Aggregation;

namespace Reference.ProjectionBenchmarks;

public sealed record MartenTallyStarted(Guid TallyId);

public sealed record MartenTallyBumped(Guid TallyId, int By);

public sealed class MartenTally
{
    public Guid Id { get; set; }

    public int Total { get; set; }

    public int Events { get; set; }
}

/// <summary>The same fold as <see cref="BenchTallyProjection"/>, as a Marten single-stream projection.</summary>
public sealed class MartenTallyProjection : SingleStreamProjection<MartenTally, Guid>
{
    public static MartenTally Create(MartenTallyStarted started) => new() { Id = started.TallyId, Events = 1 };

    public static void Apply(MartenTallyBumped bumped, MartenTally tally)
    {
        tally.Total += bumped.By;
        tally.Events++;
    }
}
