namespace Reference.Infrastructure.Observability;

/// <summary>Marks the scrape endpoint, so the access gate knows which endpoint to guard.</summary>
public sealed class MetricsEndpointMetadata
{
    public static readonly MetricsEndpointMetadata Instance = new();

    private MetricsEndpointMetadata()
    {
    }
}
