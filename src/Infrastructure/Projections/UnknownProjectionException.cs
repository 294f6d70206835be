namespace Reference.Infrastructure.Projections;

/// <summary>No projection with this name is registered.</summary>
public sealed class UnknownProjectionException(string projection)
    : Exception($"No projection named '{projection}' is registered.")
{
    public string Projection { get; } = projection;
}
