namespace Reference.Infrastructure.Projections;

/// <summary>Another worker holds (or took over) the lease of this projection generation.</summary>
public sealed class ProjectionLeaseUnavailableException(string projection, int generation)
    : Exception($"Projection '{projection}' generation {generation} is leased to another worker.")
{
    public string Projection { get; } = projection;

    public int Generation { get; } = generation;
}
