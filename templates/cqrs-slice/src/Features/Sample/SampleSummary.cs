using Reference.SharedKernel.Ports;

namespace Reference.Features.Sample;

/// <summary>Read model of a sample, kept up to date by <see cref="SampleSummaryProjection"/>.</summary>
public sealed class SampleSummary : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
